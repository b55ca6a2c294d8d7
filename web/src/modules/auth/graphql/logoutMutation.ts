import { graphql } from '../../../graphql/graphql';

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);
