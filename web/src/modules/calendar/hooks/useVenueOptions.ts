import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { VenueOptionsQuery } from '../graphql/venueOptionsQuery';

/** Venues in use as select options (value = venue id), by name. */
export function useVenueOptions(skip = false) {
  const { data, loading } = useQuery(VenueOptionsQuery, { skip });
  const options = useMemo(
    () => (data?.venues ?? []).map((venue) => ({ value: venue.id, label: venue.name })),
    [data],
  );
  return { options, loading };
}
