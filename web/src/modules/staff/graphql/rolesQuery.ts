import { graphql } from '../../../graphql/graphql';

export const RolesQuery = graphql(`
  query Roles {
    roles {
      memberCount
      role {
        id
        name
        permissions
        builtIn
        version
      }
    }
  }
`);
