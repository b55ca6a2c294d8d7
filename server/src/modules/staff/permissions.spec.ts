import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS, BUILT_IN_ROLES, isPermission, PERMISSIONS } from './permissions.js';

const role = (name: string) => {
  const found = BUILT_IN_ROLES.find((r) => r.name === name);
  if (!found) throw new Error(`no built-in role ${name}`);
  return found;
};

describe('the permission catalogue', () => {
  it('has an area and a description for every permission, keys shaped resource:action', () => {
    for (const [key, { area, description }] of Object.entries(PERMISSIONS)) {
      expect(key).toMatch(/^[a-z]+:[a-z-]+$/);
      expect(area.trim()).not.toBe('');
      expect(description.trim()).not.toBe('');
    }
    expect(ALL_PERMISSIONS).toEqual(Object.keys(PERMISSIONS));
  });

  it('isPermission knows the catalogue and nothing else', () => {
    for (const key of ALL_PERMISSIONS) expect(isPermission(key)).toBe(true);
    expect(isPermission('event:fly')).toBe(false);
    expect(isPermission('toString')).toBe(false);
    expect(isPermission('__proto__')).toBe(false);
  });
});

describe('the built-in roles', () => {
  it('are the four roles, each with permissions from the catalogue and no duplicates', () => {
    expect(BUILT_IN_ROLES.map((r) => r.name)).toEqual(['Administrator', 'Manager', 'Engineer', 'Storekeeper']);
    for (const { name, permissions } of BUILT_IN_ROLES) {
      for (const permission of permissions) expect(isPermission(permission), `${name}: ${permission}`).toBe(true);
      expect(new Set(permissions).size, name).toBe(permissions.length);
    }
  });

  it('Administrator has every permission', () => {
    expect([...role('Administrator').permissions].sort()).toEqual([...ALL_PERMISSIONS].sort());
  });

  it('Manager lacks exactly the administration permissions', () => {
    const missing = ALL_PERMISSIONS.filter((p) => !role('Manager').permissions.includes(p));
    for (const p of ['staff:manage', 'role:manage', 'journal:read', 'settings:manage', 'backup:run']) expect(missing).toContain(p);
    expect(role('Manager').permissions).toEqual(expect.arrayContaining(['event:create', 'event:update-any', 'crew:assign', 'client:manage', 'reports:read']));
  });

  it('Engineer may only read events, equipment and clients', () => {
    expect([...role('Engineer').permissions].sort()).toEqual(['client:read', 'equipment:read', 'event:read']);
  });

  it('only the Administrator can manage staff (so deactivation guards the last one)', () => {
    expect(BUILT_IN_ROLES.filter((r) => r.permissions.includes('staff:manage')).map((r) => r.name)).toEqual(['Administrator']);
  });
});
