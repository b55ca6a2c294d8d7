import { useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { ClientOptionsQuery } from '../graphql/clientOptionsQuery';
import { ClientQuery } from '../graphql/clientQuery';

const pageSize = 30;

/**
 * Clients matching what was typed (searched on the server, after a pause), as select options,
 * always including the selected client so its name shows even when it is not among the matches.
 */
export function useClientOptions(search: string, selectedId: string | null) {
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const { data, loading } = useQuery(ClientOptionsQuery, {
    variables: { search: debouncedSearch || null, limit: pageSize },
  });
  const found = data?.clients.clients;
  const selectedMissing = Boolean(selectedId && !found?.some((client) => client.id === selectedId));
  const selected = useQuery(ClientQuery, {
    variables: { id: selectedId ?? '' },
    skip: !selectedMissing,
  });

  const options = useMemo(() => {
    const list = [...(found ?? [])];
    const extra = selected.data?.client;
    if (extra && !list.some((client) => client.id === extra.id)) list.unshift(extra);
    return list.map((client) => ({ value: client.id, label: client.name }));
  }, [found, selected.data]);

  return { options, loading: loading || selected.loading };
}
