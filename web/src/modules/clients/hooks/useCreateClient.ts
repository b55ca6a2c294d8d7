import { useMutation } from '@apollo/client/react';
import { CreateClientMutation } from '../graphql/createClientMutation';
import type { ClientFormValues } from '../utils/clientTypes';

const optional = (value: string) => value.trim() || null;

/** Creates a client; the server normalises the phone and refuses one that exists, naming its client. */
export function useCreateClient() {
  const [mutate, { loading }] = useMutation(CreateClientMutation, { refetchQueries: ['Clients'] });

  async function createClient(values: ClientFormValues) {
    const { data } = await mutate({
      variables: {
        input: {
          name: values.name.trim(),
          kind: values.kind,
          phone: values.phone.trim(),
          email: optional(values.email),
          contactPerson: optional(values.contactPerson),
          notes: optional(values.notes),
        },
      },
    });
    if (!data) throw new Error('createClient returned no data');
    return data.createClient;
  }

  return { createClient, loading };
}
