import { CombinedGraphQLErrors } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { readBlockedBookings } from './readBlockedBookings';
import { readStaleEditConflict } from './readStaleEditConflict';

function conflict(extensions: Record<string, unknown>) {
  return new CombinedGraphQLErrors({
    data: null,
    errors: [{ message: 'Conflict', extensions: { code: 'CONFLICT', ...extensions } }],
  });
}

const blocked = conflict({
  policy: 'BLOCK',
  conflicts: [
    {
      person: { id: 'p1', name: 'Ivan Petrov', phone: null },
      event: { id: 'e1', title: 'This one', startDate: '2026-06-12', endDate: '2026-06-12', status: 'DRAFT' },
      otherEvent: { id: 'e2', title: 'Other show', startDate: '2026-06-12', endDate: '2026-06-13', status: 'CONFIRMED' },
      fromDate: '2026-06-12',
      toDate: '2026-06-12',
    },
    { person: 'broken' },
  ],
});

const stale = conflict({
  currentVersion: 7,
  conflictingFields: ['title', 'startDate'],
  changedBy: ['Anna Manager'],
  current: { id: 'e1', title: 'Theirs' },
});

describe('readStaleEditConflict', () => {
  it('reads who changed which fields', () => {
    expect(readStaleEditConflict(stale)).toEqual({
      conflictingFields: ['title', 'startDate'],
      changedBy: ['Anna Manager'],
      currentVersion: 7,
    });
  });

  it('is null for double bookings, other codes and network errors', () => {
    expect(readStaleEditConflict(blocked)).toBeNull();
    expect(readStaleEditConflict(new Error('offline'))).toBeNull();
  });
});

describe('readBlockedBookings', () => {
  it('reads the double bookings that BLOCK refused', () => {
    expect(readBlockedBookings(blocked)).toEqual([
      {
        person: { id: 'p1', name: 'Ivan Petrov' },
        event: { id: 'e1', title: 'This one' },
        otherEvent: { id: 'e2', title: 'Other show', startDate: '2026-06-12', endDate: '2026-06-13' },
        fromDate: '2026-06-12',
        toDate: '2026-06-12',
      },
    ]);
  });

  it('is null for a stale edit and other errors', () => {
    expect(readBlockedBookings(stale)).toBeNull();
    expect(readBlockedBookings(new Error('offline'))).toBeNull();
  });
});
