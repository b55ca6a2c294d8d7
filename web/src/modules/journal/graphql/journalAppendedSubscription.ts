import { graphql } from '../../../graphql/graphql';
import { JournalEntryFieldsFragment } from '../../../graphql/journalEntryFieldsFragment';

export const JournalAppendedSubscription = graphql(
  `
    subscription JournalAppended {
      journalAppended {
        ...JournalEntryFields
      }
    }
  `,
  [JournalEntryFieldsFragment],
);
