import { useMutation, useQuery } from '@apollo/client/react';
import type { VariablesOf } from '../../../graphql/graphql';
import { CompanySettingsQuery } from '../graphql/companySettingsQuery';
import { UpdateCompanySettingsMutation } from '../graphql/updateCompanySettingsMutation';

export type CompanySettingsInput = VariablesOf<typeof UpdateCompanySettingsMutation>['input'];

/** Company settings and their update (`settings:manage` on the server). */
export function useCompanySettings() {
  const { data, loading, error, refetch } = useQuery(CompanySettingsQuery, { fetchPolicy: 'cache-and-network' });
  const [mutate, saving] = useMutation(UpdateCompanySettingsMutation, { refetchQueries: ['AppInfo'] });
  return {
    settings: data?.companySettings,
    loading,
    error,
    refetch,
    saving: saving.loading,
    async update(input: CompanySettingsInput) {
      const result = await mutate({ variables: { input } });
      return result.data!.updateCompanySettings;
    },
  };
}
