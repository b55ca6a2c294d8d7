import { graphql } from '../../../graphql/graphql';

export const SetMyLanguageMutation = graphql(`
  mutation SetMyLanguage($language: String!) {
    setMyLanguage(language: $language) {
      id
      language
    }
  }
`);
