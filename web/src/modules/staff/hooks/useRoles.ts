import { useMutation, useQuery } from '@apollo/client/react';
import { PermissionCatalogueQuery } from '../graphql/permissionCatalogueQuery';
import { CreateRoleMutation, DeleteRoleMutation, UpdateRoleMutation } from '../graphql/roleMutations';
import { RolesQuery } from '../graphql/rolesQuery';

/** Roles and the permission catalogue, with the roles editor's actions (`role:manage` on the server). */
export function useRoles() {
  const roles = useQuery(RolesQuery, { fetchPolicy: 'cache-and-network' });
  const catalogue = useQuery(PermissionCatalogueQuery);
  const [create] = useMutation(CreateRoleMutation, { refetchQueries: ['Roles'] });
  const [update, updating] = useMutation(UpdateRoleMutation, { refetchQueries: ['Roles'] });
  const [remove] = useMutation(DeleteRoleMutation, { refetchQueries: ['Roles'] });

  return {
    roles: roles.data?.roles ?? [],
    catalogue: catalogue.data?.permissionCatalogue ?? [],
    loading: roles.loading || catalogue.loading,
    error: roles.error ?? catalogue.error,
    saving: updating.loading,
    async createRole(name: string) {
      const { data } = await create({ variables: { input: { name: name.trim(), permissions: [] } } });
      return data!.createRole;
    },
    async updateRole(id: string, expectedVersion: number, name: string, permissions: string[]) {
      const { data } = await update({ variables: { id, expectedVersion, input: { name: name.trim(), permissions } } });
      return data!.updateRole;
    },
    async deleteRole(id: string) {
      await remove({ variables: { id } });
    },
  };
}
