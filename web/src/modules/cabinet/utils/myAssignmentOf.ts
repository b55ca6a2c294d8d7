import type { CrewMember, MyEvent } from './cabinetEventTypes';

/** My place on the crew of an event (where acknowledgements live), or null when I am not on its crew. */
export function myAssignmentOf(event: Pick<MyEvent, 'crew'>, viewerId: string): CrewMember | null {
  return event.crew.find((member) => member.person.id === viewerId) ?? null;
}
