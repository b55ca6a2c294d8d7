import { graphql } from '../../../graphql/graphql';
import { MyEventFieldsFragment } from './myEventFieldsFragment';

export const MyEventsQuery = graphql(
  `
    query MyEvents($from: Date!, $to: Date!) {
      productionEvents(from: $from, to: $to, filter: { mine: true }) {
        ...MyEventFields
      }
    }
  `,
  [MyEventFieldsFragment],
);
