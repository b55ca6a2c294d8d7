import { graphql } from '../../../graphql/graphql';
import { ClientFieldsFragment } from './clientFieldsFragment';

export const UpdateClientMutation = graphql(
  `
    mutation UpdateClient($id: ID!, $expectedVersion: Int!, $input: UpdateClientInput!) {
      updateClient(id: $id, expectedVersion: $expectedVersion, input: $input) {
        ...ClientFields
      }
    }
  `,
  [ClientFieldsFragment],
);
