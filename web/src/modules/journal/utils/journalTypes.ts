import type { ResultOf, VariablesOf } from '../../../graphql/graphql';
import type { JournalEntryFieldsFragment } from '../../../graphql/journalEntryFieldsFragment';
import type { JournalQuery } from '../graphql/journalQuery';

export type JournalEntry = ResultOf<typeof JournalEntryFieldsFragment>;
export type JournalPageData = ResultOf<typeof JournalQuery>;
export type JournalFilter = NonNullable<VariablesOf<typeof JournalQuery>['filter']>;

/** The journal view as kept in the URL: filters as typed, dates as `YYYY-MM-DD`, page from 1. */
export interface JournalSearch {
  /** Account id of the person who made the changes. */
  actorId: string;
  action: string;
  objectType: string;
  objectId: string;
  from: string;
  to: string;
  page: number;
}
