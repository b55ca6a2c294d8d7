import { useQuery } from '@apollo/client/react';
import { EventCompanySettingsQuery } from '../graphql/eventCompanySettingsQuery';

/** The default cut-over hour of new installations (SPEC §2: 06:00). */
const defaultCutoverHour = 6;

/** The cut-over hour of overnight shows and the crew double-booking policy. */
export function useEventCompanySettings() {
  const { data } = useQuery(EventCompanySettingsQuery, { fetchPolicy: 'cache-and-network' });
  return {
    cutoverHour: data?.companySettings.cutoverHour ?? defaultCutoverHour,
    crewDoubleBooking: data?.companySettings.crewDoubleBooking ?? 'WARN',
  };
}
