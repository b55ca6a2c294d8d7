import { graphql } from '../../../graphql/graphql';

/** Everything a calendar bar and its hover card show about one event. */
export const CalendarProductionEventFieldsFragment = graphql(`
  fragment CalendarProductionEventFields on ProductionEvent {
    id
    title
    status
    version
    startDate
    endDate
    startTime
    endTime
    endsNextDay
    prepDays
    returnDays
    busyFrom
    busyTo
    createdAt
    deletedAt
    client {
      id
      name
    }
    venue {
      id
      name
    }
    manager {
      id
      name
    }
    seniorEngineer {
      id
      name
    }
    crew {
      id
      person {
        id
        name
      }
      crewRole {
        id
        name
      }
    }
    problems {
      kind
      message
      conflict {
        fromDate
        toDate
        person {
          id
          name
        }
        otherEvent {
          id
          title
        }
      }
    }
  }
`);
