import { graphql } from '../../../graphql/graphql';
import { CalendarChangeFieldsFragment } from './calendarChangeFieldsFragment';

export const CalendarChangesSinceQuery = graphql(
  `
    query CalendarChangesSince($seq: SafeInt!, $from: Date!, $to: Date!) {
      calendarChangesSince(seq: $seq, from: $from, to: $to) {
        complete
        lastSeq
        changes {
          ...CalendarChangeFields
        }
      }
    }
  `,
  [CalendarChangeFieldsFragment],
);
