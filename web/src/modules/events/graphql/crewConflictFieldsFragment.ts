import { graphql } from '../../../graphql/graphql';

/** A double booking as the crew section names it: who, which days, which other event. */
export const CrewConflictFieldsFragment = graphql(`
  fragment CrewConflictFields on CrewConflict {
    fromDate
    toDate
    person {
      id
      name
    }
    otherEvent {
      id
      title
      startDate
      endDate
    }
  }
`);
