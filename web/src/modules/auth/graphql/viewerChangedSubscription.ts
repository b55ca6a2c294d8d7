import { graphql } from '../../../graphql/graphql';
import { ViewerFieldsFragment } from './viewerFieldsFragment';

export const ViewerChangedSubscription = graphql(
  `
    subscription ViewerChanged {
      viewerChanged {
        ...ViewerFields
      }
    }
  `,
  [ViewerFieldsFragment],
);
