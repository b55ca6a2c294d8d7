import { useMutation } from '@apollo/client/react';
import { CreateClientMutation } from '../graphql/createClientMutation';

export interface NewClient {
  name: string;
  phone: string;
  kind: 'COMPANY' | 'PERSON';
}

/** Creates a client from the calendar's dialog (name and phone; the phone must be new). */
export function useCreateClient() {
  const [mutate, { loading }] = useMutation(CreateClientMutation);

  async function createClient(client: NewClient) {
    const { data } = await mutate({
      variables: { input: { name: client.name.trim(), phone: client.phone.trim(), kind: client.kind } },
    });
    return data?.createClient ?? null;
  }

  return { createClient, loading };
}
