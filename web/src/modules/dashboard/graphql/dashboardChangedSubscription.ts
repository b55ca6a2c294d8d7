import { graphql } from '../../../graphql/graphql';

/** Only what tells the dashboard to reload; the figures come from `dashboard` again. */
export const DashboardChangedSubscription = graphql(`
  subscription DashboardChanged($from: Date!, $to: Date!) {
    calendarChanged(from: $from, to: $to) {
      seq
      eventId
    }
  }
`);
