import { CombinedGraphQLErrors } from '@apollo/client';
import type { CrewConflict } from './productionEventTypes';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toConflict(value: unknown): CrewConflict | null {
  if (!isRecord(value) || !isRecord(value['person']) || !isRecord(value['otherEvent'])) return null;
  const person = value['person'];
  const event = isRecord(value['event']) ? value['event'] : {};
  const other = value['otherEvent'];
  if (typeof person['id'] !== 'string' || typeof other['id'] !== 'string') return null;
  return {
    fromDate: String(value['fromDate'] ?? ''),
    toDate: String(value['toDate'] ?? ''),
    person: { id: person['id'], name: String(person['name'] ?? '') },
    event: { id: String(event['id'] ?? ''), title: String(event['title'] ?? '') },
    otherEvent: {
      id: other['id'],
      title: String(other['title'] ?? ''),
      startDate: String(other['startDate'] ?? ''),
      endDate: String(other['endDate'] ?? ''),
    },
  };
}

/**
 * The double bookings of a `CONFLICT` refused under the BLOCK policy (`extensions.conflicts`):
 * the change may be sent again with an override reason. Null for any other error.
 */
export function readBlockedBookings(error: unknown): CrewConflict[] | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  for (const graphQLError of error.errors) {
    const extensions = graphQLError.extensions ?? {};
    if (extensions['code'] !== 'CONFLICT' || !Array.isArray(extensions['conflicts'])) continue;
    return extensions['conflicts'].map(toConflict).filter((conflict) => conflict !== null);
  }
  return null;
}
