import { useMutation, useQuery } from '@apollo/client/react';
import { CreateCrewRoleMutation, DeleteCrewRoleMutation, UpdateCrewRoleMutation } from '../graphql/crewRoleMutations';
import { CrewRolesCatalogueQuery } from '../graphql/crewRolesCatalogueQuery';

/** The crew roles catalogue with retired ones, and its editor's actions. */
export function useCrewRolesCatalogue() {
  const { data, error } = useQuery(CrewRolesCatalogueQuery, { fetchPolicy: 'cache-and-network' });
  const refetchQueries = ['CrewRolesCatalogue'];
  const [create] = useMutation(CreateCrewRoleMutation, { refetchQueries });
  const [update] = useMutation(UpdateCrewRoleMutation, { refetchQueries });
  const [remove] = useMutation(DeleteCrewRoleMutation, { refetchQueries });
  return {
    crewRoles: data?.crewRoles ?? [],
    error,
    async create(name: string) {
      const position = Math.max(0, ...(data?.crewRoles ?? []).map((r) => r.position)) + 10;
      await create({ variables: { input: { name: name.trim(), position } } });
    },
    async rename(id: string, name: string) {
      await update({ variables: { id, input: { name: name.trim() } } });
    },
    async setRetired(id: string, retired: boolean) {
      await update({ variables: { id, input: { retired } } });
    },
    async remove(id: string) {
      await remove({ variables: { id } });
    },
  };
}
