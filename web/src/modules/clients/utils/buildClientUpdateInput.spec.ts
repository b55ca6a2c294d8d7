import { describe, expect, it } from 'vitest';
import { buildClientUpdateInput } from './buildClientUpdateInput';
import type { Client } from './clientTypes';
import { toClientFormValues } from './toClientFormValues';

const client: Client = {
  id: 'c1',
  name: 'Crocus Concerts',
  kind: 'COMPANY',
  phone: '+74955550101',
  email: 'events@crocus.example',
  contactPerson: null,
  notes: 'Gate 4',
  state: 'ACTIVE',
  archivedAt: null,
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('buildClientUpdateInput', () => {
  it('sends nothing when nothing changed (whitespace around the name does not count)', () => {
    expect(buildClientUpdateInput(client, { ...toClientFormValues(client), name: ' Crocus Concerts ' })).toEqual({});
  });

  it('sends only the changed fields, trimmed', () => {
    expect(buildClientUpdateInput(client, { ...toClientFormValues(client), name: ' Crocus Hall ', contactPerson: ' Pavel ' })).toEqual({
      name: 'Crocus Hall',
      contactPerson: 'Pavel',
    });
    expect(buildClientUpdateInput(client, { ...toClientFormValues(client), kind: 'PERSON' })).toEqual({ kind: 'PERSON' });
  });

  it('sends a cleared optional field as null, and never the phone', () => {
    expect(buildClientUpdateInput(client, { ...toClientFormValues(client), email: '  ', notes: '', phone: '+70000000000' })).toEqual({
      email: null,
      notes: null,
    });
  });
});
