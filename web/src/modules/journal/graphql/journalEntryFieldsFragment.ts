import { graphql } from '../../../graphql/graphql';

export const JournalEntryFieldsFragment = graphql(`
  fragment JournalEntryFields on JournalEntry {
    seq
    at
    action
    objectType
    objectId
    summary
    actorLabel
    actor {
      id
      name
      email
    }
    changes {
      field
      oldValue
      newValue
    }
  }
`);
