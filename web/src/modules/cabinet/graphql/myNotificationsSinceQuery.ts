import { graphql } from '../../../graphql/graphql';
import { CrewNotificationFieldsFragment } from './crewNotificationFieldsFragment';

export const MyNotificationsSinceQuery = graphql(
  `
    query MyNotificationsSince($seq: SafeInt!, $limit: Int!) {
      myNotificationsSince(seq: $seq, limit: $limit) {
        ...CrewNotificationFields
      }
    }
  `,
  [CrewNotificationFieldsFragment],
);
