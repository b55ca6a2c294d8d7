import { useApolloClient, useSubscription } from '@apollo/client/react';
import { CompanySettingsChangedSubscription } from '../graphql/companySettingsChangedSubscription';

/**
 * Applies company settings changes live: the name, logo, time zone and week start (AppInfo, read by
 * the header and the calendars) and the settings pages reload as soon as an administrator saves.
 */
export function useLiveCompanySettings(): void {
  const client = useApolloClient();
  useSubscription(CompanySettingsChangedSubscription, {
    onData: () => {
      void client.refetchQueries({ include: ['AppInfo', 'EventCompanySettings'] });
    },
  });
}
