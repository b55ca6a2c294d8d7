import { graphql } from '../../../graphql/graphql';

export const EventClientsQuery = graphql(`
  query EventClients($search: String) {
    clients(filter: { search: $search }, page: { limit: 30 }) {
      clients {
        id
        name
        phone
      }
    }
  }
`);
