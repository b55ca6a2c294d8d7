import type { ResultOf } from '../../../graphql/graphql';
import type { PresenceSnapshotFieldsFragment } from '../graphql/presenceSnapshotFieldsFragment';

/** One person who has a scope open. */
export type PresenceEntry = ResultOf<typeof PresenceSnapshotFieldsFragment>['people'][number];
