import { CombinedGraphQLErrors } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { describeWriteRefusal } from './describeWriteRefusal';

function refused(code: string, extensions: Record<string, unknown> = {}, message = 'Refused') {
  return new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions: { code, ...extensions } }] });
}

describe('describeWriteRefusal', () => {
  it('reads a stale version: who changed which fields', () => {
    const error = refused('CONFLICT', {
      currentVersion: 5,
      conflictingFields: ['startDate', 'endDate'],
      changedBy: ['Maxim Manager'],
      current: { id: 'e1' },
    });
    expect(describeWriteRefusal(error)).toEqual({
      kind: 'stale',
      changedBy: ['Maxim Manager'],
      fields: ['startDate', 'endDate'],
      message: 'Refused',
    });
  });

  it('reads a blocked double booking with its conflicts', () => {
    const error = refused('CONFLICT', {
      policy: 'BLOCK',
      conflicts: [
        {
          person: { id: 'p1', name: 'Egor' },
          event: { id: 'e1', title: 'A', startDate: '2026-05-10', endDate: '2026-05-10', status: 'DRAFT' },
          otherEvent: { id: 'e2', title: 'B', startDate: '2026-05-10', endDate: '2026-05-11', status: 'CONFIRMED' },
          fromDate: '2026-05-10',
          toDate: '2026-05-10',
        },
      ],
    });
    const refusal = describeWriteRefusal(error);
    expect(refusal.kind).toBe('blocked');
    expect(refusal.kind === 'blocked' && refusal.conflicts[0]).toEqual({
      person: { id: 'p1', name: 'Egor' },
      event: { id: 'e1', title: 'A' },
      otherEvent: { id: 'e2', title: 'B' },
      fromDate: '2026-05-10',
      toDate: '2026-05-10',
    });
  });

  it('reads forbidden, invalid and anything else', () => {
    expect(describeWriteRefusal(refused('FORBIDDEN')).kind).toBe('forbidden');
    expect(describeWriteRefusal(refused('BAD_USER_INPUT')).kind).toBe('invalid');
    expect(describeWriteRefusal(refused('INTERNAL_SERVER_ERROR', {}, 'Oops'))).toEqual({ kind: 'other', message: 'Oops' });
    expect(describeWriteRefusal(new Error('offline'))).toEqual({ kind: 'other', message: 'offline' });
  });
});
