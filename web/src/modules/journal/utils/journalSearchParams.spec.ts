import { describe, expect, it } from 'vitest';
import { readJournalSearch } from './readJournalSearch';
import { writeJournalSearch } from './writeJournalSearch';

describe('journal search parameters', () => {
  it('round-trip', () => {
    const search = { action: 'auth.login', objectType: 'User', from: '2025-03-01', to: '2025-03-31', page: 3 };
    expect(readJournalSearch(writeJournalSearch(search))).toEqual(search);
  });

  it('leave defaults out of the URL', () => {
    expect(
      writeJournalSearch({ action: '', objectType: '', from: '', to: '', page: 1 }).toString(),
    ).toBe('');
  });

  it('ignore malformed dates and pages', () => {
    expect(readJournalSearch(new URLSearchParams('from=yesterday&to=2025-13&page=-2'))).toEqual({
      action: '',
      objectType: '',
      from: '',
      to: '',
      page: 1,
    });
  });
});
