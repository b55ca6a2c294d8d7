import { graphql } from '../../../graphql/graphql';

/** A double booking as the calendar and the event page name it: who, which days, which two events. */
export const CrewConflictFieldsFragment = graphql(`
  fragment CrewConflictFields on CrewConflict {
    fromDate
    toDate
    person {
      id
      name
    }
    event {
      id
      title
    }
    otherEvent {
      id
      title
      startDate
      endDate
    }
  }
`);
