import { graphql } from '../../../graphql/graphql';

export const EventCrewRolesQuery = graphql(`
  query EventCrewRoles {
    crewRoles {
      id
      name
      position
    }
  }
`);
