import { graphql } from '../../../graphql/graphql';
import { CalendarChangeFieldsFragment } from './calendarChangeFieldsFragment';

export const CalendarChangedSubscription = graphql(
  `
    subscription CalendarChanged($from: Date!, $to: Date!) {
      calendarChanged(from: $from, to: $to) {
        ...CalendarChangeFields
      }
    }
  `,
  [CalendarChangeFieldsFragment],
);
