import { graphql } from '../../../graphql/graphql';
import { ProductionEventFieldsFragment } from './productionEventFieldsFragment';

export const ProductionEventQuery = graphql(
  `
    query ProductionEvent($id: ID!) {
      productionEvent(id: $id) {
        ...ProductionEventFields
      }
    }
  `,
  [ProductionEventFieldsFragment],
);
