import { graphql } from '../../../graphql/graphql';

export const ClientQuery = graphql(`
  query CalendarClient($id: ID!) {
    client(id: $id) {
      id
      name
      phone
    }
  }
`);
