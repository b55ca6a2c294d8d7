import { describe, expect, it } from 'vitest';
import { getEventPermissions } from './getEventPermissions';
import type { ProductionEvent } from './productionEventTypes';

const managerPermissions = ['event:read', 'event:create', 'event:update-any', 'event:delete', 'crew:assign'];
const engineerPermissions = ['event:read'];

function event(overrides: Partial<Pick<ProductionEvent, 'manager' | 'crew' | 'deletedAt'>> = {}) {
  return { manager: { id: 'm1', name: 'Anna', phone: null }, crew: [], deletedAt: null, ...overrides };
}

const crewMember = (acknowledgedAt: string | null): ProductionEvent['crew'][number] => ({
  id: 'a1',
  acknowledgedAt,
  overrideReason: null,
  person: { id: 'eng', name: 'Egor', phone: null },
  crewRole: { id: 'r1', name: 'Sound' },
});

describe('getEventPermissions', () => {
  it('lets a manager do everything', () => {
    expect(getEventPermissions({ id: 'm2', permissions: managerPermissions }, event())).toEqual({
      canEdit: true,
      canAssignCrew: true,
      canDelete: true,
      canDuplicate: true,
      canAcknowledge: false,
      seesAcknowledgements: true,
    });
  });

  it('lets someone without event:update-any edit only their own events', () => {
    const viewer = { id: 'm1', permissions: ['event:read', 'event:create'] };
    expect(getEventPermissions(viewer, event()).canEdit).toBe(true);
    expect(getEventPermissions({ ...viewer, id: 'm2' }, event()).canEdit).toBe(false);
  });

  it('shows engineers a read-only page, with acknowledge while their change is new', () => {
    const viewer = { id: 'eng', permissions: engineerPermissions };
    const unacknowledged = getEventPermissions(viewer, event({ crew: [crewMember(null)] }));
    expect(unacknowledged).toEqual({
      canEdit: false,
      canAssignCrew: false,
      canDelete: false,
      canDuplicate: false,
      canAcknowledge: true,
      seesAcknowledgements: false,
    });
    expect(getEventPermissions(viewer, event({ crew: [crewMember('2026-06-01T10:00:00Z')] })).canAcknowledge).toBe(false);
  });

  it('allows only restoring an event in the trash', () => {
    const permissions = getEventPermissions({ id: 'm2', permissions: managerPermissions }, event({ deletedAt: '2026-06-01T10:00:00Z' }));
    expect(permissions.canEdit || permissions.canAssignCrew || permissions.canDuplicate).toBe(false);
    expect(permissions.canDelete).toBe(true);
  });
});
