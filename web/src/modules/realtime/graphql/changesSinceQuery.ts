import { graphql } from '../../../graphql/graphql';
import { JournalEntryFieldsFragment } from '../../../graphql/journalEntryFieldsFragment';

export const ChangesSinceQuery = graphql(
  `
    query ChangesSince($seq: SafeInt!) {
      changesSince(seq: $seq) {
        ...JournalEntryFields
      }
    }
  `,
  [JournalEntryFieldsFragment],
);
