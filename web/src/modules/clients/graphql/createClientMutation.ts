import { graphql } from '../../../graphql/graphql';
import { ClientFieldsFragment } from './clientFieldsFragment';

export const CreateClientMutation = graphql(
  `
    mutation CreateClientFromList($input: CreateClientInput!) {
      createClient(input: $input) {
        ...ClientFields
      }
    }
  `,
  [ClientFieldsFragment],
);
