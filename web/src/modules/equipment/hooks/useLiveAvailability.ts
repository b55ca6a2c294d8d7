import { useQuery } from '@apollo/client/react';
import { EquipmentAvailabilityQuery } from '../graphql/catalogueQueries';

/**
 * Availability of one item over an event's reserved days, other events counted and this one not:
 * asked afresh (network only) every time the item changes, so it is what the server knows now.
 */
export function useLiveAvailability(itemId: string | null, from: string, to: string, eventId: string) {
  const { data, loading } = useQuery(EquipmentAvailabilityQuery, {
    variables: { itemIds: itemId ? [itemId] : [], from, to, excludeEventId: eventId },
    skip: !itemId,
    fetchPolicy: 'network-only',
  });
  return { availability: itemId ? (data?.equipmentAvailability[0] ?? null) : null, loading };
}
