import type { BusyPerson, PersonOption, PersonRef } from './productionEventTypes';

/**
 * The crew picker's people: everyone active, by name, each with the other events that keep
 * them busy on the event's days (this event itself does not count) and whether they are on the
 * crew already.
 */
export function buildPersonOptions(
  people: readonly PersonRef[],
  busy: readonly BusyPerson[],
  eventId: string,
  crewIds: ReadonlySet<string>,
): PersonOption[] {
  const busyWith = new Map(
    busy.map((entry) => [entry.person.id, entry.events.filter((other) => other.id !== eventId)]),
  );
  const seen = new Set<string>();
  const options: PersonOption[] = [];
  for (const person of people) {
    if (seen.has(person.id)) continue;
    seen.add(person.id);
    options.push({
      id: person.id,
      name: person.name,
      busyWith: busyWith.get(person.id) ?? [],
      onCrew: crewIds.has(person.id),
    });
  }
  return options.sort((a, b) => a.name.localeCompare(b.name));
}
