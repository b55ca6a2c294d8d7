import { describe, expect, it } from 'vitest';
import { clientPageSize } from './clientPageSize';
import { readClientSearch } from './readClientSearch';
import { toClientsVariables } from './toClientFilter';
import { writeClientSearch } from './writeClientSearch';

describe('clients list search parameters', () => {
  it('round-trip', () => {
    const search = { text: '8 (495) 555-01-01', states: ['POTENTIAL' as const, 'INACTIVE' as const], archived: true, page: 3 };
    expect(readClientSearch(writeClientSearch(search))).toEqual(search);
  });

  it('leave defaults out of the URL', () => {
    expect(writeClientSearch({ text: '  ', states: [], archived: false, page: 1 }).toString()).toBe('');
  });

  it('write states in a fixed order, so one view has one URL', () => {
    expect(writeClientSearch({ text: '', states: ['INACTIVE', 'POTENTIAL'], archived: false, page: 1 }).get('states')).toBe('POTENTIAL,INACTIVE');
  });

  it('ignore unknown states, bad pages and other archive values; read states in any case', () => {
    expect(readClientSearch(new URLSearchParams('states=active,deleted,,Potential&page=-2&archived=yes'))).toEqual({
      text: '',
      states: ['POTENTIAL', 'ACTIVE'],
      archived: false,
      page: 1,
    });
  });

  it('become the query variables: a page of 25, no filter for empty text and states', () => {
    expect(toClientsVariables({ text: '', states: [], archived: false, page: 1 })).toEqual({
      filter: { search: null, states: null, archived: false },
      page: { limit: clientPageSize, offset: 0 },
    });
    expect(toClientsVariables({ text: 'crocus', states: ['ACTIVE'], archived: true, page: 3 })).toEqual({
      filter: { search: 'crocus', states: ['ACTIVE'], archived: true },
      page: { limit: 25, offset: 50 },
    });
  });
});
