import { graphql } from '../../../graphql/graphql';
import { PresenceSnapshotFieldsFragment } from './presenceSnapshotFieldsFragment';

export const ReportEventPresenceMutation = graphql(
  `
    mutation ReportEventPresence($scope: String!, $editing: Boolean!, $tabId: String) {
      reportPresence(scope: $scope, editing: $editing, tabId: $tabId) {
        ...PresenceSnapshotFields
      }
    }
  `,
  [PresenceSnapshotFieldsFragment],
);
