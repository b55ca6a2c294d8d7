import { graphql } from '../../../graphql/graphql';
import { AccountFieldsFragment } from './accountFieldsFragment';

export const CreateAccountMutation = graphql(
  `
    mutation CreateAccount($input: CreateUserInput!) {
      createUser(input: $input) {
        oneTimePassword
        user {
          ...AccountFields
        }
      }
    }
  `,
  [AccountFieldsFragment],
);

export const UpdateAccountMutation = graphql(
  `
    mutation UpdateAccount($id: ID!, $expectedVersion: Int!, $input: UpdateUserInput!) {
      updateUser(id: $id, expectedVersion: $expectedVersion, input: $input) {
        ...AccountFields
      }
    }
  `,
  [AccountFieldsFragment],
);

export const ResetAccountPasswordMutation = graphql(
  `
    mutation ResetAccountPassword($id: ID!, $password: String) {
      resetUserPassword(id: $id, password: $password) {
        oneTimePassword
        user {
          ...AccountFields
        }
      }
    }
  `,
  [AccountFieldsFragment],
);

export const DeactivateAccountMutation = graphql(
  `
    mutation DeactivateAccount($id: ID!) {
      deactivateUser(id: $id) {
        ...AccountFields
      }
    }
  `,
  [AccountFieldsFragment],
);

export const ReactivateAccountMutation = graphql(
  `
    mutation ReactivateAccount($id: ID!) {
      reactivateUser(id: $id) {
        ...AccountFields
      }
    }
  `,
  [AccountFieldsFragment],
);
