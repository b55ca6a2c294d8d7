import { useMutation } from '@apollo/client/react';
import { SetCrewRoleMutation } from '../graphql/setCrewRoleMutation';

/** Gives a crew member another crew role on this event. */
export function useSetCrewRole() {
  const [mutate, { loading }] = useMutation(SetCrewRoleMutation);

  async function setCrewRole(eventId: string, userId: string, crewRoleId: string) {
    const { data } = await mutate({ variables: { eventId, userId, crewRoleId } });
    if (!data) throw new Error('setCrewRole returned no data');
    return data.setCrewRole;
  }

  return { setCrewRole, loading };
}
