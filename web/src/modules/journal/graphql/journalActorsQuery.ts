import { graphql } from '../../../graphql/graphql';

export const JournalActorsQuery = graphql(`
  query JournalActors {
    journalActors {
      id
      name
      email
    }
  }
`);
