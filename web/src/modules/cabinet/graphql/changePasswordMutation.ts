import { graphql } from '../../../graphql/graphql';

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword(
    $currentPassword: String!
    $newPassword: String!
    $endOtherSessions: Boolean!
  ) {
    changePassword(
      currentPassword: $currentPassword
      newPassword: $newPassword
      endOtherSessions: $endOtherSessions
    )
  }
`);
