import { useMutation } from '@apollo/client/react';
import { AssignCrewMutation } from '../graphql/assignCrewMutation';

/** Puts a person on the crew; their double bookings come back in `conflicts`. */
export function useAssignCrew() {
  const [mutate, { loading }] = useMutation(AssignCrewMutation);

  async function assignCrew(eventId: string, userId: string, crewRoleId: string, overrideReason?: string) {
    const { data } = await mutate({ variables: { eventId, userId, crewRoleId, overrideReason } });
    if (!data) throw new Error('assignCrew returned no data');
    return data.assignCrew;
  }

  return { assignCrew, loading };
}
