import { graphql } from '../../../graphql/graphql';

/**
 * Every active person (one crew-schedule row each) and who is busy on the event's days. There
 * is no plain list of people for managers; the crew schedule has a row for every active person.
 */
export const EventPeopleQuery = graphql(`
  query EventPeople($from: Date!, $to: Date!) {
    crewSchedule(from: $from, to: $to) {
      person {
        id
        name
        phone
      }
    }
    busyPeople(from: $from, to: $to) {
      person {
        id
      }
      days
      events {
        id
        title
        startDate
        endDate
        status
      }
    }
  }
`);
