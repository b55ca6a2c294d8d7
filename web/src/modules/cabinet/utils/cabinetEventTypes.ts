import type { ResultOf } from '../../../graphql/graphql';
import type { WithDayStrings } from '../../crew-schedule/utils/crewScheduleTypes';
import type { CrewNotificationFieldsFragment } from '../graphql/crewNotificationFieldsFragment';
import type { MyEventFieldsFragment } from '../graphql/myEventFieldsFragment';

export type MyEvent = WithDayStrings<ResultOf<typeof MyEventFieldsFragment>>;
export type CrewMember = MyEvent['crew'][number];
export type CrewNotification = WithDayStrings<ResultOf<typeof CrewNotificationFieldsFragment>>;
export type NotificationKind = CrewNotification['kind'];
export type FieldChange = CrewNotification['changes'][number];
