import { graphql } from '../../../graphql/graphql';
import { CalendarChangeFieldsFragment } from './calendarChangeFieldsFragment';

export const CalendarChangedSubscription = graphql(
  `
    subscription CalendarChanged($from: Date!, $to: Date!, $since: SafeInt) {
      calendarChanged(from: $from, to: $to, since: $since) {
        ...CalendarChangeFields
      }
    }
  `,
  [CalendarChangeFieldsFragment],
);
