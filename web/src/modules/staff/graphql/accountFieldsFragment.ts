import { graphql } from '../../../graphql/graphql';

export const AccountFieldsFragment = graphql(`
  fragment AccountFields on User {
    id
    name
    email
    phone
    language
    active
    version
    role {
      id
      name
    }
  }
`);
