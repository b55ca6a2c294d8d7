import { graphql } from '../../../graphql/graphql';
import { JournalEntryFieldsFragment } from '../../../graphql/journalEntryFieldsFragment';

export const JournalQuery = graphql(
  `
    query Journal($filter: JournalFilter, $page: PageInput) {
      journal(filter: $filter, page: $page) {
        total
        hasMore
        entries {
          ...JournalEntryFields
        }
      }
    }
  `,
  [JournalEntryFieldsFragment],
);
