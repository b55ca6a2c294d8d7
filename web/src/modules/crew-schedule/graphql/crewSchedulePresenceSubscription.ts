import { graphql } from '../../../graphql/graphql';

export const CrewSchedulePresenceSubscription = graphql(`
  subscription CrewSchedulePresence($scope: String!, $tabId: String) {
    presenceChanged(scope: $scope, tabId: $tabId) {
      scope
      people {
        editing
        since
        person {
          id
          name
        }
      }
    }
  }
`);
