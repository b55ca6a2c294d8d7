import { graphql } from '../../../graphql/graphql';
import { CrewNotificationFieldsFragment } from './crewNotificationFieldsFragment';

export const MyNotificationsSubscription = graphql(
  `
    subscription MyNotifications {
      myNotifications {
        ...CrewNotificationFields
      }
    }
  `,
  [CrewNotificationFieldsFragment],
);
