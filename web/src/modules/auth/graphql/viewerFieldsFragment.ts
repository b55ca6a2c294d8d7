import { graphql } from '../../../graphql/graphql';

export const ViewerFieldsFragment = graphql(`
  fragment ViewerFields on Viewer {
    id
    name
    email
    language
    permissions
    role {
      id
      name
    }
  }
`);
