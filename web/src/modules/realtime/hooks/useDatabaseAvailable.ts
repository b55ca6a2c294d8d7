import { useSubscription } from '@apollo/client/react';
import { ServiceStatusSubscription } from '../graphql/serviceStatusSubscription';

/** False while the server says it cannot reach its database (the `serviceStatus` subscription); true otherwise. */
export function useDatabaseAvailable(): boolean {
  const { data } = useSubscription(ServiceStatusSubscription);
  return data?.serviceStatus.databaseAvailable ?? true;
}
