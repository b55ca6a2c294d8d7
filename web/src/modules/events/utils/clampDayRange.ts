import { addDays } from './addDays';
import { daysBetween } from './daysBetween';

/**
 * `[from, to]` shortened to at most `maxDays` days from `from` — the API answers the crew
 * schedule and busy people for at most 120 days.
 */
export function clampDayRange(from: string, to: string, maxDays: number): [string, string] {
  if (daysBetween(from, to) < maxDays) return [from, to];
  return [from, addDays(from, maxDays - 1)];
}
