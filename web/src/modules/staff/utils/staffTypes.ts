import type { ResultOf } from '../../../graphql/graphql';
import type { AccountFieldsFragment } from '../graphql/accountFieldsFragment';
import type { PermissionCatalogueQuery } from '../graphql/permissionCatalogueQuery';
import type { RolesQuery } from '../graphql/rolesQuery';

export type Account = ResultOf<typeof AccountFieldsFragment>;
export type RoleSummary = ResultOf<typeof RolesQuery>['roles'][number];
export type CatalogueEntry = ResultOf<typeof PermissionCatalogueQuery>['permissionCatalogue'][number];

/** The account form as typed. */
export interface AccountFormValues {
  name: string;
  email: string;
  phone: string;
  roleId: string;
  language: string;
}
