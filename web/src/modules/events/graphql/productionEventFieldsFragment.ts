import { graphql } from '../../../graphql/graphql';
import { CrewConflictFieldsFragment } from './crewConflictFieldsFragment';

/** Everything the event page shows; the query, live changes and mutations all select it. */
export const ProductionEventFieldsFragment = graphql(
  `
    fragment ProductionEventFields on ProductionEvent {
      id
      version
      title
      status
      allowedTransitions
      startDate
      endDate
      startTime
      endTime
      endsNextDay
      prepDays
      returnDays
      busyFrom
      busyTo
      notes
      problemNote
      deletedAt
      deletedBy {
        id
        name
      }
      client {
        id
        name
        phone
      }
      venue {
        id
        name
        address
      }
      manager {
        id
        name
        phone
      }
      seniorEngineer {
        id
        name
        phone
      }
      crew {
        id
        acknowledgedAt
        overrideReason
        person {
          id
          name
          phone
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
          ...CrewConflictFields
        }
      }
    }
  `,
  [CrewConflictFieldsFragment],
);
