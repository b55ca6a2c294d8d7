import { graphql } from '../../../graphql/graphql';

export const ReportsQuery = graphql(`
  query Reports($from: Date!, $to: Date!) {
    reports(from: $from, to: $to) {
      from
      to
      events {
        events
        eventDays
        cancelled
        byStatus {
          status
          events
          eventDays
        }
        byClient {
          clientId
          clientName
          events
          eventDays
          cancelled
        }
        byManager {
          manager {
            id
            name
          }
          events
          eventDays
          cancelled
        }
      }
      crewWorkload {
        person {
          id
          name
        }
        roles
        events
        days
      }
    }
  }
`);
