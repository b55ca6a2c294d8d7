import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { LogoutMutation } from '../graphql/logoutMutation';
import { forgetSession } from '../utils/forgetSession';

/** Ends this session on the server, forgets it here and shows the login page. */
export function useLogout() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [mutate, { loading }] = useMutation(LogoutMutation);

  async function logout(): Promise<void> {
    await mutate();
    await forgetSession(client);
    await navigate('/login', { replace: true });
  }

  return { logout, loading };
}
