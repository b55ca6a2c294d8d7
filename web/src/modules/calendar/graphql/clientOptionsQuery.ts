import { graphql } from '../../../graphql/graphql';

export const ClientOptionsQuery = graphql(`
  query CalendarClientOptions($search: String, $limit: Int!) {
    clients(filter: { search: $search }, page: { limit: $limit, offset: 0 }) {
      total
      clients {
        id
        name
        phone
      }
    }
  }
`);
