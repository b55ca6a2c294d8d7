import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { EventVenuesQuery } from '../graphql/eventVenuesQuery';
import { withCurrentOption } from '../utils/withCurrentOption';

/** Venues not archived, plus the event's current venue, for the venue select. */
export function useEventVenueOptions(current: { id: string; name: string } | null) {
  const { data, loading } = useQuery(EventVenuesQuery);
  const options = useMemo(
    () => withCurrentOption((data?.venues ?? []).map((venue) => ({ value: venue.id, label: venue.name })), current),
    [data, current],
  );
  return { options, loading };
}
