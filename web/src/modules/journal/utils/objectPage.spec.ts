import { describe, expect, it } from 'vitest';
import { objectPage } from './objectPage';

describe('objectPage', () => {
  it('links events, clients and roles to their pages and leaves the rest unlinked', () => {
    expect(objectPage('ProductionEvent', 'e1')).toBe('/events/e1');
    expect(objectPage('Client', 'c 1')).toBe('/clients/c%201');
    expect(objectPage('Role', 'r1')).toBe('/roles?role=r1');
    expect(objectPage('Login', 'someone@example.com')).toBeNull();
  });
});
