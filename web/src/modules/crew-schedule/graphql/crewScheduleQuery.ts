import { graphql } from '../../../graphql/graphql';

export const CrewScheduleQuery = graphql(`
  query CrewSchedule($from: Date!, $to: Date!, $crewRoleId: ID) {
    crewSchedule(from: $from, to: $to, crewRoleId: $crewRoleId) {
      person {
        id
        name
      }
      conflictDays
      entries {
        roleName
        fromDate
        toDate
        event {
          id
          title
          status
          startDate
          endDate
        }
      }
    }
  }
`);
