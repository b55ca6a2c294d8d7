import { graphql } from '../../../graphql/graphql';
import { CompanySettingsFieldsFragment } from './companySettingsFieldsFragment';

export const CompanySettingsChangedSubscription = graphql(
  `
    subscription CompanySettingsChanged {
      companySettingsChanged {
        ...CompanySettingsFields
      }
    }
  `,
  [CompanySettingsFieldsFragment],
);
