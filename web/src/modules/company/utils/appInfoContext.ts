import { createContext } from 'react';
import type { ResultOf } from '../../../graphql/graphql';
import type { AppInfoQuery } from '../graphql/appInfoQuery';

export type AppInfo = ResultOf<typeof AppInfoQuery>['appInfo'];

/** Public facts about the installation, provided once loaded by the app's bootstrap. */
export const AppInfoContext = createContext<AppInfo | null>(null);
