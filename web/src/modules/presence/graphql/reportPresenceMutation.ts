import { graphql } from '../../../graphql/graphql';
import { PresenceSnapshotFieldsFragment } from './presenceSnapshotFieldsFragment';

export const ReportPresenceMutation = graphql(
  `
    mutation ReportPresence($scope: String!, $editing: Boolean!, $tabId: String) {
      reportPresence(scope: $scope, editing: $editing, tabId: $tabId) {
        ...PresenceSnapshotFields
      }
    }
  `,
  [PresenceSnapshotFieldsFragment],
);
