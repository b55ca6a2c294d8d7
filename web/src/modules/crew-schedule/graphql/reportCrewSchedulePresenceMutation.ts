import { graphql } from '../../../graphql/graphql';

export const ReportCrewSchedulePresenceMutation = graphql(`
  mutation ReportCrewSchedulePresence($scope: String!, $tabId: String) {
    reportPresence(scope: $scope, tabId: $tabId, editing: false) {
      scope
    }
  }
`);
