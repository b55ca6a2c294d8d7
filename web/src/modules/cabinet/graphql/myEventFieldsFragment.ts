import { graphql } from '../../../graphql/graphql';

/** What the cabinet shows of an event I am on; notifications carry the same, so the cache stays whole. */
export const MyEventFieldsFragment = graphql(`
  fragment MyEventFields on ProductionEvent {
    id
    title
    status
    startDate
    endDate
    startTime
    endTime
    deletedAt
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
      acknowledgedAt
      person {
        id
        name
      }
      crewRole {
        id
        name
      }
    }
  }
`);
