import { useQuery } from '@apollo/client/react';
import { CrewScheduleRolesQuery } from '../graphql/crewScheduleRolesQuery';

/** The crew roles people can be filtered by, in catalogue order. */
export function useCrewScheduleRoles() {
  const { data, loading, error } = useQuery(CrewScheduleRolesQuery);
  return { roles: data?.crewRoles ?? [], loading, error };
}
