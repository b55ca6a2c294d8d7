import { createContext } from 'react';
import type { ResultOf } from '../../../graphql/graphql';
import type { ViewerFieldsFragment } from '../graphql/viewerFieldsFragment';

export type Viewer = ResultOf<typeof ViewerFieldsFragment>;

/** The signed-in account, provided by `RequireAuth` to every page behind it. */
export const ViewerContext = createContext<Viewer | null>(null);
