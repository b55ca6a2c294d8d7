import { useMutation } from '@apollo/client/react';
import { UnassignCrewMutation } from '../graphql/unassignCrewMutation';

/** Takes a person off the crew. */
export function useUnassignCrew() {
  const [mutate, { loading }] = useMutation(UnassignCrewMutation);

  async function unassignCrew(eventId: string, userId: string) {
    const { data } = await mutate({ variables: { eventId, userId } });
    if (!data) throw new Error('unassignCrew returned no data');
    return data.unassignCrew;
  }

  return { unassignCrew, loading };
}
