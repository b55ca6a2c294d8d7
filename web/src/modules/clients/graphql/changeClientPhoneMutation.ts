import { graphql } from '../../../graphql/graphql';
import { ClientFieldsFragment } from './clientFieldsFragment';

export const ChangeClientPhoneMutation = graphql(
  `
    mutation ChangeClientPhone($id: ID!, $phone: String!) {
      changeClientPhone(id: $id, phone: $phone) {
        ...ClientFields
      }
    }
  `,
  [ClientFieldsFragment],
);
