import { useMutation, useQuery } from '@apollo/client/react';
import {
  CreateAccountMutation,
  DeactivateAccountMutation,
  ReactivateAccountMutation,
  ResetAccountPasswordMutation,
  UpdateAccountMutation,
} from '../graphql/accountMutations';
import { AccountsQuery } from '../graphql/accountsQuery';
import { RolesQuery } from '../graphql/rolesQuery';
import type { Account, AccountFormValues } from '../utils/staffTypes';

/** Accounts with every action of the accounts page; the server enforces `staff:manage` and the last-administrator rule. */
export function useAccounts() {
  const accounts = useQuery(AccountsQuery, { fetchPolicy: 'cache-and-network' });
  const roles = useQuery(RolesQuery, { fetchPolicy: 'cache-and-network' });
  const refetchQueries = ['Accounts', 'Roles'];
  const [create, creating] = useMutation(CreateAccountMutation, { refetchQueries });
  const [update, updating] = useMutation(UpdateAccountMutation, { refetchQueries });
  const [reset] = useMutation(ResetAccountPasswordMutation);
  const [deactivate] = useMutation(DeactivateAccountMutation);
  const [reactivate] = useMutation(ReactivateAccountMutation);

  return {
    accounts: accounts.data?.users ?? [],
    roles: roles.data?.roles.map((r) => r.role) ?? [],
    loading: accounts.loading,
    error: accounts.error,
    saving: creating.loading || updating.loading,
    async createAccount(values: AccountFormValues) {
      const { data } = await create({
        variables: {
          input: {
            name: values.name.trim(),
            email: values.email.trim(),
            phone: values.phone.trim() || null,
            roleId: values.roleId,
            language: values.language,
          },
        },
      });
      return data!.createUser;
    },
    async updateAccount(account: Account, values: AccountFormValues) {
      const { data } = await update({
        variables: {
          id: account.id,
          expectedVersion: account.version,
          input: { name: values.name.trim(), email: values.email.trim(), phone: values.phone.trim(), roleId: values.roleId, language: values.language },
        },
      });
      return data!.updateUser;
    },
    async resetPassword(account: Account, password: string | null) {
      const { data } = await reset({ variables: { id: account.id, password } });
      return data!.resetUserPassword.oneTimePassword;
    },
    async setActive(account: Account, active: boolean) {
      if (active) await reactivate({ variables: { id: account.id } });
      else await deactivate({ variables: { id: account.id } });
    },
  };
}
