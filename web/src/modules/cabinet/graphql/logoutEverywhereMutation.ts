import { graphql } from '../../../graphql/graphql';

export const LogoutEverywhereMutation = graphql(`
  mutation LogoutEverywhere($keepCurrent: Boolean!) {
    logoutEverywhere(keepCurrent: $keepCurrent)
  }
`);
