import { graphql } from '../../../graphql/graphql';

export const EventVenuesQuery = graphql(`
  query EventVenues {
    venues {
      id
      name
      address
    }
  }
`);
