import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { forgetSession } from '../../auth/utils/forgetSession';
import { LogoutEverywhereMutation } from '../graphql/logoutEverywhereMutation';

/** Ends every session of the viewer, this one included; returns how many ended. */
export function useLogoutEverywhere() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [mutate, { loading }] = useMutation(LogoutEverywhereMutation);

  async function logoutEverywhere(): Promise<number> {
    const { data } = await mutate({ variables: { keepCurrent: false } });
    await forgetSession(client);
    await navigate('/login', { replace: true });
    return data?.logoutEverywhere ?? 0;
  }

  return { logoutEverywhere, loading };
}
