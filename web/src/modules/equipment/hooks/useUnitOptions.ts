import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { graphql } from '../../../graphql/graphql';

const UnitsOfItemQuery = graphql(`
  query UnitsOfItem($itemId: ID!) {
    equipmentUnits(itemId: $itemId) {
      id
      serial
      writtenOffAt
      item {
        id
        name
      }
    }
  }
`);

/** The units of one serialised item (not written off), as select options (value = unit id). */
export function useUnitOptions(itemId: string | null) {
  const { data } = useQuery(UnitsOfItemQuery, { variables: { itemId: itemId ?? '' }, skip: !itemId, fetchPolicy: 'cache-and-network' });
  return useMemo(
    () => (itemId ? (data?.equipmentUnits ?? []).filter((u) => !u.writtenOffAt).map((u) => ({ value: u.id, label: `${u.item.name} · ${u.serial}` })) : []),
    [data, itemId],
  );
}
