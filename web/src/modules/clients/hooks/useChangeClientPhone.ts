import { useMutation } from '@apollo/client/react';
import { ChangeClientPhoneMutation } from '../graphql/changeClientPhoneMutation';

/** Changes the identifying phone of a client; refused when another client has it. */
export function useChangeClientPhone() {
  const [mutate, { loading }] = useMutation(ChangeClientPhoneMutation);

  async function changeClientPhone(id: string, phone: string) {
    const { data } = await mutate({ variables: { id, phone: phone.trim() } });
    if (!data) throw new Error('changeClientPhone returned no data');
    return data.changeClientPhone;
  }

  return { changeClientPhone, loading };
}
