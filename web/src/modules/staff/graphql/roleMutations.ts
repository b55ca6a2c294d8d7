import { graphql } from '../../../graphql/graphql';

export const CreateRoleMutation = graphql(`
  mutation CreateRole($input: RoleInput!) {
    createRole(input: $input) {
      id
      name
      permissions
      builtIn
      version
    }
  }
`);

export const UpdateRoleMutation = graphql(`
  mutation UpdateRole($id: ID!, $expectedVersion: Int!, $input: RoleInput!) {
    updateRole(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      name
      permissions
      builtIn
      version
    }
  }
`);

export const DeleteRoleMutation = graphql(`
  mutation DeleteRole($id: ID!) {
    deleteRole(id: $id)
  }
`);
