import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { EquipmentItemsQuery } from '../graphql/catalogueQueries';

/** Items matching a search, as select options (value = item id), for pickers. */
export function useItemOptions(search: string) {
  const { data, previousData, loading } = useQuery(EquipmentItemsQuery, {
    variables: { filter: { search: search.trim() || null }, page: { limit: 30, offset: 0 } },
    fetchPolicy: 'cache-and-network',
  });
  const items = (data ?? previousData)?.equipmentItems.items ?? [];
  const options = useMemo(() => items.map((item) => ({ value: item.id, label: `${item.name} (${item.code})` })), [items]);
  return { options, items, loading };
}
