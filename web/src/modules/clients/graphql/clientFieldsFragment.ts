import { graphql } from '../../../graphql/graphql';

export const ClientFieldsFragment = graphql(`
  fragment ClientFields on Client {
    id
    name
    kind
    phone
    email
    contactPerson
    notes
    state
    archivedAt
    version
    createdAt
  }
`);
