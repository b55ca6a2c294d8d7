import { graphql } from '../../../graphql/graphql';

export const PermissionCatalogueQuery = graphql(`
  query PermissionCatalogue {
    permissionCatalogue {
      key
      area
      description
    }
  }
`);
