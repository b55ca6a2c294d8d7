import { graphql } from '../../../graphql/graphql';
import { ClientFieldsFragment } from './clientFieldsFragment';

export const ClientsQuery = graphql(
  `
    query Clients($filter: ClientFilter, $page: PageInput) {
      clients(filter: $filter, page: $page) {
        total
        clients {
          ...ClientFields
        }
      }
    }
  `,
  [ClientFieldsFragment],
);
