/** The fields of a change-feed entry, shared by the journal page and the reconnect catch-up. */
import { graphql } from './graphql';

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
