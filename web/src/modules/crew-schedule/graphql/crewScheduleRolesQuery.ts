import { graphql } from '../../../graphql/graphql';

export const CrewScheduleRolesQuery = graphql(`
  query CrewScheduleRoles {
    crewRoles {
      id
      name
    }
  }
`);
