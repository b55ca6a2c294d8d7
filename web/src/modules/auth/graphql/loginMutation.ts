import { graphql } from '../../../graphql/graphql';
import { ViewerFieldsFragment } from './viewerFieldsFragment';

export const LoginMutation = graphql(
  `
    mutation Login($email: String!, $password: String!) {
      login(email: $email, password: $password) {
        ...ViewerFields
      }
    }
  `,
  [ViewerFieldsFragment],
);
