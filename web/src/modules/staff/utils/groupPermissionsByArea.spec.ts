import { describe, expect, it } from 'vitest';
import { groupPermissionsByArea } from './groupPermissionsByArea';

describe('groupPermissionsByArea', () => {
  it('keeps the catalogue order of areas and of permissions within them', () => {
    const groups = groupPermissionsByArea([
      { key: 'event:read', area: 'Events', description: 'a' },
      { key: 'client:read', area: 'Clients', description: 'b' },
      { key: 'event:create', area: 'Events', description: 'c' },
    ]);
    expect(groups.map((g) => [g.area, g.permissions.map((p) => p.key)])).toEqual([
      ['Events', ['event:read', 'event:create']],
      ['Clients', ['client:read']],
    ]);
  });
});
