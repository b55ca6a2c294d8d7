import { useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { EventClientsQuery } from '../graphql/eventClientsQuery';
import { withCurrentOption } from '../utils/withCurrentOption';

/**
 * Clients matching what is typed in the client select (searched on the server), with the
 * event's current client always among them so the select can show it.
 */
export function useEventClientOptions(search: string, current: { id: string; name: string } | null) {
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const { data, previousData, loading } = useQuery(EventClientsQuery, {
    variables: { search: debounced || null },
  });
  const clients = (data ?? previousData)?.clients.clients;
  const options = useMemo(
    () => withCurrentOption((clients ?? []).map((client) => ({ value: client.id, label: client.name })), current),
    [clients, current],
  );
  return { options, loading };
}
