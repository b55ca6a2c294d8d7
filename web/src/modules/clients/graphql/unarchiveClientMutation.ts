import { graphql } from '../../../graphql/graphql';
import { ClientFieldsFragment } from './clientFieldsFragment';

export const UnarchiveClientMutation = graphql(
  `
    mutation UnarchiveClient($id: ID!) {
      unarchiveClient(id: $id) {
        ...ClientFields
      }
    }
  `,
  [ClientFieldsFragment],
);
