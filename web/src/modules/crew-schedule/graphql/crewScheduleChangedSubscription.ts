import { graphql } from '../../../graphql/graphql';

/** Only what tells the schedule to reload; the rows come from `crewSchedule` again. */
export const CrewScheduleChangedSubscription = graphql(`
  subscription CrewScheduleChanged($from: Date!, $to: Date!) {
    calendarChanged(from: $from, to: $to) {
      seq
      kind
      eventId
    }
  }
`);
