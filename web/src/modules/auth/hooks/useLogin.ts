import { useApolloClient, useMutation } from '@apollo/client/react';
import { realtimeConnection } from '../../realtime/utils/realtimeConnection';
import { LoginMutation } from '../graphql/loginMutation';
import { MeQuery } from '../graphql/meQuery';
import type { Viewer } from '../utils/viewerContext';

/** Signs in; on success the viewer is in the cache and the WebSocket carries the new cookie. */
export function useLogin() {
  const client = useApolloClient();
  const [mutate, { loading }] = useMutation(LoginMutation);

  async function login(email: string, password: string): Promise<Viewer> {
    const { data } = await mutate({ variables: { email, password } });
    if (!data) throw new Error('login returned no data');
    client.writeQuery({ query: MeQuery, data: { me: data.login } });
    realtimeConnection.restart();
    return data.login;
  }

  return { login, loading };
}
