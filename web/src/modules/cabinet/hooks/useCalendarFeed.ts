import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { MyCalendarFeedQuery, RegenerateMyCalendarFeedMutation, RevokeMyCalendarFeedMutation } from '../graphql/calendarFeedDocuments';

/** My personal iCal feed: whether it exists, and the link right after making it (the server shows it only once). */
export function useCalendarFeed() {
  const { data } = useQuery(MyCalendarFeedQuery, { fetchPolicy: 'cache-and-network' });
  const [regenerate, regenerating] = useMutation(RegenerateMyCalendarFeedMutation, { refetchQueries: ['MyCalendarFeed'] });
  const [revoke, revoking] = useMutation(RevokeMyCalendarFeedMutation, { refetchQueries: ['MyCalendarFeed'] });
  const [url, setUrl] = useState<string | null>(null);
  return {
    active: data?.myCalendarFeed.active ?? false,
    url,
    busy: regenerating.loading || revoking.loading,
    async regenerate() {
      const result = await regenerate();
      setUrl(result.data?.regenerateMyCalendarFeed.url ?? null);
    },
    async revoke() {
      await revoke();
      setUrl(null);
    },
  };
}
