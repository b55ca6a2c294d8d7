import { graphql } from '../../../graphql/graphql';
import { CompanySettingsFieldsFragment } from './companySettingsFieldsFragment';

export const CompanySettingsQuery = graphql(
  `
    query CompanySettings {
      companySettings {
        ...CompanySettingsFields
      }
    }
  `,
  [CompanySettingsFieldsFragment],
);
