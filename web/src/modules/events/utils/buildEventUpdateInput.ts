import type { EventFormValues, UpdateProductionEventInput } from './productionEventTypes';

function optionalText(value: string): string | null {
  return value.trim() || null;
}

/**
 * The `updateProductionEvent` input for what the person changed: only fields that differ from
 * the values the form was opened with, so a stale edit merges with others' edits to other
 * fields. Empty optional fields are sent as null (cleared).
 */
export function buildEventUpdateInput(
  original: EventFormValues,
  values: EventFormValues,
): UpdateProductionEventInput {
  const input: UpdateProductionEventInput = {};
  if (values.title.trim() !== original.title.trim()) input.title = values.title.trim();
  if (values.dates[0] !== original.dates[0]) input.startDate = values.dates[0];
  if (values.dates[1] !== original.dates[1]) input.endDate = values.dates[1];
  for (const field of ['startTime', 'endTime', 'notes', 'problemNote'] as const) {
    const value = optionalText(values[field]);
    if (value !== optionalText(original[field])) input[field] = value;
  }
  for (const field of ['prepDays', 'returnDays'] as const) {
    const value = Number(values[field]);
    if (value !== Number(original[field])) input[field] = value;
  }
  for (const field of ['clientId', 'venueId', 'managerId', 'seniorEngineerId'] as const) {
    if (values[field] !== original[field]) input[field] = values[field];
  }
  return input;
}
