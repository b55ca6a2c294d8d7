import { graphql } from '../../../graphql/graphql';
import { PresenceSnapshotFieldsFragment } from './presenceSnapshotFieldsFragment';

export const EventPresenceChangedSubscription = graphql(
  `
    subscription EventPresenceChanged($scope: String!, $tabId: String) {
      presenceChanged(scope: $scope, tabId: $tabId) {
        ...PresenceSnapshotFields
      }
    }
  `,
  [PresenceSnapshotFieldsFragment],
);
