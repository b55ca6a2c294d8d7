import { graphql } from '../../../graphql/graphql';
import { AccountFieldsFragment } from './accountFieldsFragment';

export const AccountsQuery = graphql(
  `
    query Accounts {
      users(includeInactive: true) {
        ...AccountFields
      }
    }
  `,
  [AccountFieldsFragment],
);
