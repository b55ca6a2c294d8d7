import { CombinedGraphQLErrors } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { readClientRefusal } from './readClientRefusal';
import { refusalReason } from './refusalReason';
import { validateClientForm } from './validateClientForm';

function graphQLError(message: string, extensions: Record<string, unknown>) {
  return new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions }] });
}

describe('readClientRefusal', () => {
  it('reads a duplicate phone: the field and the existing client', () => {
    const refusal = readClientRefusal(
      graphQLError('The phone +79001234567 already belongs to the client "Crocus".', {
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'phone', message: 'already belongs to the client "Crocus"' }],
        existingClient: { id: 'c1', name: 'Crocus' },
      }),
    );
    expect(refusal).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { phone: 'already belongs to the client "Crocus"' },
      existingClient: { id: 'c1', name: 'Crocus' },
      conflict: null,
    });
  });

  it('reads a stale edit: which fields and who', () => {
    const refusal = readClientRefusal(
      graphQLError('Someone else changed notes of this client since you opened it.', {
        code: 'CONFLICT',
        currentVersion: 4,
        conflictingFields: ['notes'],
        changedBy: ['Marina Manager'],
      }),
    );
    expect(refusal.conflict).toEqual({ fields: ['notes'], changedBy: ['Marina Manager'] });
    expect(refusal.existingClient).toBeNull();
  });

  it('gives the reason of a refused rule from its field message, else the whole message', () => {
    const state = readClientRefusal(
      graphQLError('state: cannot be inactive: "Gala" on 2026-05-01 is confirmed', {
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'state', message: 'cannot be inactive: "Gala" on 2026-05-01 is confirmed' }],
      }),
    );
    expect(refusalReason(state)).toBe('cannot be inactive: "Gala" on 2026-05-01 is confirmed');
    const forbidden = readClientRefusal(graphQLError('You need the "client:manage" permission for this.', { code: 'FORBIDDEN' }));
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(refusalReason(forbidden)).toBe('You need the "client:manage" permission for this.');
  });

  it('reads a network error as a message without a code', () => {
    expect(readClientRefusal(new Error('Failed to fetch'))).toMatchObject({ code: undefined, message: 'Failed to fetch', fields: {} });
  });
});

describe('validateClientForm', () => {
  const empty = { name: '', kind: 'COMPANY' as const, phone: '', email: '', contactPerson: '', notes: '' };

  it('needs a name, and a phone when creating', () => {
    expect(validateClientForm(empty, true)).toEqual({ name: 'clients.form.required', phone: 'clients.form.required' });
    expect(validateClientForm({ ...empty, name: 'Crocus' }, false)).toEqual({});
  });

  it('refuses an e-mail without "@" and leaves the rest to the server', () => {
    expect(validateClientForm({ ...empty, name: 'A', phone: '1', email: 'crocus.example' }, true)).toEqual({ email: 'clients.form.badEmail' });
    expect(validateClientForm({ ...empty, name: 'A', phone: 'call me', email: 'a@b' }, true)).toEqual({});
  });
});
