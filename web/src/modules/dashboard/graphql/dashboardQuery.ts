import { graphql } from '../../../graphql/graphql';

export const DashboardQuery = graphql(`
  query Dashboard {
    dashboard {
      today
      week {
        from
        to
        byStatus {
          status
          events
        }
      }
      month {
        from
        to
        byStatus {
          status
          events
        }
      }
      todayEvents {
        id
        title
        startDate
        endDate
        startTime
        status
        venue {
          id
          name
        }
      }
      upcomingEvents {
        id
        title
        startDate
        endDate
        startTime
        status
        venue {
          id
          name
        }
      }
      busyToday {
        person {
          id
          name
        }
        events {
          id
          title
        }
      }
      equipment {
        piecesOut
        piecesInRepair
        openRepairs
        eventsWithUnreturnedGear
      }
      problems {
        kind
        message
        link
        repairId
        event {
          id
          title
        }
      }
    }
  }
`);
