import type { PresenceEntry } from './presenceTypes';

/** Who else has the page open (the viewer is not shown to themselves), editors first. */
export function otherPresentPeople(people: readonly PresenceEntry[], viewerId: string): PresenceEntry[] {
  return people
    .filter((entry) => entry.person.id !== viewerId)
    .sort((a, b) => Number(b.editing) - Number(a.editing) || a.person.name.localeCompare(b.person.name));
}
