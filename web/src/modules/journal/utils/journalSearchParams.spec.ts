import { describe, expect, it } from 'vitest';
import { readJournalSearch } from './readJournalSearch';
import { writeJournalSearch } from './writeJournalSearch';

describe('journal search parameters', () => {
  it('round-trip', () => {
    const search = {
      actorId: '0b8e5c55-6f1e-4a43-9d0e-6f4c1e1a2b3c',
      action: 'auth.login',
      objectType: 'User',
      objectId: 'some-object',
      from: '2025-03-01',
      to: '2025-03-31',
      page: 3,
    };
    expect(readJournalSearch(writeJournalSearch(search))).toEqual(search);
  });

  it('leave defaults out of the URL', () => {
    expect(
      writeJournalSearch({ actorId: '', action: '', objectType: '', objectId: '', from: '', to: '', page: 1 }).toString(),
    ).toBe('');
  });

  it('ignore malformed people, dates and pages', () => {
    expect(readJournalSearch(new URLSearchParams('person=nobody&from=yesterday&to=2025-13&page=-2'))).toEqual({
      actorId: '',
      action: '',
      objectType: '',
      objectId: '',
      from: '',
      to: '',
      page: 1,
    });
  });
});
