import { graphql } from '../../../graphql/graphql';
import { ViewerFieldsFragment } from './viewerFieldsFragment';

export const MeQuery = graphql(
  `
    query Me {
      me {
        ...ViewerFields
      }
    }
  `,
  [ViewerFieldsFragment],
);
