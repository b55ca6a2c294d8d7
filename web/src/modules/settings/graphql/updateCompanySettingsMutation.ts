import { graphql } from '../../../graphql/graphql';
import { CompanySettingsFieldsFragment } from './companySettingsFieldsFragment';

export const UpdateCompanySettingsMutation = graphql(
  `
    mutation UpdateCompanySettings($input: UpdateCompanySettingsInput!) {
      updateCompanySettings(input: $input) {
        ...CompanySettingsFields
      }
    }
  `,
  [CompanySettingsFieldsFragment],
);
