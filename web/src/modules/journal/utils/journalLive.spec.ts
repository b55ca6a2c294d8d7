import { describe, expect, it } from 'vitest';
import type { JournalEntry, JournalPageData } from './journalTypes';
import { matchesJournalFilter } from './matchesJournalFilter';
import { prependJournalEntries } from './prependJournalEntries';
import { toJournalFilter } from './toJournalFilter';

function entry(seq: number, overrides: Partial<JournalEntry> = {}): JournalEntry {
  return {
    seq,
    at: '2025-03-10T12:00:00.000Z',
    action: 'auth.login',
    objectType: 'Session',
    objectId: String(seq),
    summary: 'signed in',
    actorLabel: 'Ann',
    actor: { id: 'u1', name: 'Ann', email: 'ann@example.com' },
    changes: [],
    ...overrides,
  };
}

function page(entries: JournalEntry[], total = entries.length): JournalPageData {
  return { journal: { total, hasMore: false, entries } };
}

describe('matchesJournalFilter', () => {
  const filter = toJournalFilter(
    { actorId: '', action: 'auth.login', objectType: '', objectId: '', from: '2025-03-10', to: '2025-03-10', page: 1 },
    'Europe/Moscow',
  );

  it('keeps entries of the action within the company-time-zone days', () => {
    expect(matchesJournalFilter(entry(1), filter)).toBe(true);
    // 2025-03-10 23:30 in Moscow is still the 10th there.
    expect(matchesJournalFilter(entry(2, { at: '2025-03-10T20:30:00.000Z' }), filter)).toBe(true);
  });

  it('drops other actions and times outside the days', () => {
    expect(matchesJournalFilter(entry(3, { action: 'user.update' }), filter)).toBe(false);
    expect(matchesJournalFilter(entry(4, { at: '2025-03-10T21:00:00.000Z' }), filter)).toBe(false);
    expect(matchesJournalFilter(entry(5, { at: '2025-03-09T20:59:59.000Z' }), filter)).toBe(false);
  });

  it('matches everything without a filter', () => {
    expect(matchesJournalFilter(entry(6, { action: 'role.create', actor: null }), {})).toBe(true);
  });
});

describe('prependJournalEntries', () => {
  it('puts new entries on top, newest first, and counts them', () => {
    const result = prependJournalEntries(page([entry(3), entry(2)], 10), [entry(4), entry(5)]);
    expect(result.journal.entries.map((e) => e.seq)).toEqual([5, 4, 3, 2]);
    expect(result.journal.total).toBe(12);
  });

  it('skips entries already shown or repeated', () => {
    const before = page([entry(3), entry(2)]);
    expect(prependJournalEntries(before, [entry(3)])).toBe(before);
    expect(prependJournalEntries(before, [entry(4), entry(4)]).journal.entries).toHaveLength(3);
  });
});
