import type { MyEvent } from './cabinetEventTypes';

/** One of my roles on an event: a crew role by name, or senior engineer / manager. */
export type MyRole = { kind: 'crew'; name: string } | { kind: 'seniorEngineer' } | { kind: 'manager' };

/** Every role I have on an event, crew role first; empty when I am not on it. */
export function myRolesOn(
  event: Pick<MyEvent, 'crew' | 'seniorEngineer' | 'manager'>,
  viewerId: string,
): MyRole[] {
  const roles: MyRole[] = event.crew
    .filter((member) => member.person.id === viewerId)
    .map((member) => ({ kind: 'crew', name: member.crewRole.name }));
  if (event.seniorEngineer?.id === viewerId) roles.push({ kind: 'seniorEngineer' });
  if (event.manager?.id === viewerId) roles.push({ kind: 'manager' });
  return roles;
}
