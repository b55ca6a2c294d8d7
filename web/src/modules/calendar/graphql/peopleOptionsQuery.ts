import { graphql } from '../../../graphql/graphql';

/** Every active person (the crew schedule lists them all), for manager and person pickers. */
export const PeopleOptionsQuery = graphql(`
  query CalendarPeopleOptions($day: Date!) {
    crewSchedule(from: $day, to: $day) {
      person {
        id
        name
      }
    }
  }
`);
