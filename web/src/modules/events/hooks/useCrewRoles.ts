import { useQuery } from '@apollo/client/react';
import { EventCrewRolesQuery } from '../graphql/eventCrewRolesQuery';

/** Crew roles that may be given on an event (not retired), in their order. */
export function useCrewRoles(enabled = true) {
  const { data, loading } = useQuery(EventCrewRolesQuery, { skip: !enabled });
  return { crewRoles: data?.crewRoles ?? [], loading };
}
