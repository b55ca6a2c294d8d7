import { graphql } from '../../../graphql/graphql';
import { ClientFieldsFragment } from './clientFieldsFragment';

/** One client; its events only when the viewer may read events (`$withEvents`), else FORBIDDEN. */
export const ClientQuery = graphql(
  `
    query Client($id: ID!, $withEvents: Boolean!) {
      client(id: $id) {
        ...ClientFields
        upcomingEvents(limit: 50) @include(if: $withEvents) {
          id
          title
          startDate
          endDate
          status
        }
        pastEvents(limit: 50) @include(if: $withEvents) {
          id
          title
          startDate
          endDate
          status
        }
      }
    }
  `,
  [ClientFieldsFragment],
);
