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
      equipmentUtilisation {
        byItem {
          itemId
          code
          name
          categoryPath
          days
          pieceDays
          events
        }
        byCategory {
          categoryId
          categoryPath
          days
          pieceDays
        }
      }
      repairs {
        opened
        returned
        writtenOff
        openAtEnd
        averageDaysToRepair
        medianDaysToRepair
        faultsPerDay
        byDay {
          date
          opened
        }
      }
    }
  }
`);
