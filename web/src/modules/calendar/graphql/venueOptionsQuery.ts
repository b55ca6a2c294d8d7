import { graphql } from '../../../graphql/graphql';

export const VenueOptionsQuery = graphql(`
  query CalendarVenueOptions {
    venues {
      id
      name
    }
  }
`);
