import { graphql } from '../../../graphql/graphql';
import { JournalEntryFieldsFragment } from './journalEntryFieldsFragment';

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
