import { graphql } from '../../../graphql/graphql';
import { PresenceSnapshotFieldsFragment } from './presenceSnapshotFieldsFragment';

export const PresenceChangedSubscription = graphql(
  `
    subscription PresenceChanged($scope: String!, $tabId: String) {
      presenceChanged(scope: $scope, tabId: $tabId) {
        ...PresenceSnapshotFields
      }
    }
  `,
  [PresenceSnapshotFieldsFragment],
);
