import { graphql } from '../../../graphql/graphql';

export const CreateCrewRoleMutation = graphql(`
  mutation CreateCrewRole($input: CrewRoleInput!) {
    createCrewRole(input: $input) {
      id
      name
      position
      retired
      version
    }
  }
`);

export const UpdateCrewRoleMutation = graphql(`
  mutation UpdateCrewRole($id: ID!, $input: CrewRoleInput!) {
    updateCrewRole(id: $id, input: $input) {
      id
      name
      position
      retired
      version
    }
  }
`);

export const DeleteCrewRoleMutation = graphql(`
  mutation DeleteCrewRole($id: ID!) {
    deleteCrewRole(id: $id)
  }
`);
