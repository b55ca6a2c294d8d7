import { graphql } from '../../../graphql/graphql';

export const CrewRolesCatalogueQuery = graphql(`
  query CrewRolesCatalogue {
    crewRoles(includeRetired: true) {
      id
      name
      position
      retired
      version
    }
  }
`);
