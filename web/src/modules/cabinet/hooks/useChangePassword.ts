import { useMutation } from '@apollo/client/react';
import { ChangePasswordMutation } from '../graphql/changePasswordMutation';

/** Changes the viewer's password, optionally ending their other sessions. */
export function useChangePassword() {
  const [mutate, { loading }] = useMutation(ChangePasswordMutation);

  async function changePassword(
    currentPassword: string,
    newPassword: string,
    endOtherSessions: boolean,
  ): Promise<void> {
    await mutate({ variables: { currentPassword, newPassword, endOtherSessions } });
  }

  return { changePassword, loading };
}
