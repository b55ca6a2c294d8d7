import { CombinedGraphQLErrors } from '@apollo/client';

/** Field name → message, as read from a `BAD_USER_INPUT` error. */
export type FieldErrors = Record<string, string>;

/**
 * The per-field details of `BAD_USER_INPUT` errors, keyed by input field name.
 *
 * Loadout's server sends `extensions.fields: [{ field, message }]`; the other shapes in common
 * use are accepted too (`fields` / `fieldErrors` / `errors` / `validationErrors` as a list of
 * `{ field | property | path, message | constraints }` or an object of field → message, or a
 * single `field` next to the error's own message), so forms do not depend on one of them.
 */
export function getFieldErrors(error: unknown): FieldErrors {
  const result: FieldErrors = {};
  if (!CombinedGraphQLErrors.is(error)) return result;
  for (const graphQLError of error.errors) {
    const extensions = graphQLError.extensions ?? {};
    if (extensions['code'] !== 'BAD_USER_INPUT') continue;
    for (const key of ['fields', 'fieldErrors', 'errors', 'validationErrors']) {
      const details = extensions[key];
      if (Array.isArray(details)) {
        for (const item of details) {
          if (!isRecord(item)) continue;
          const field = fieldName(item['field'] ?? item['property'] ?? item['path']);
          if (!field) continue;
          addMessage(result, field, item['message'] ?? item['constraints'] ?? graphQLError.message);
        }
      } else if (isRecord(details)) {
        for (const [field, message] of Object.entries(details)) addMessage(result, field, message);
      }
    }
    const single = fieldName(extensions['field']);
    if (single) addMessage(result, single, graphQLError.message);
  }
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function fieldName(value: unknown): string | undefined {
  if (typeof value === 'string' && value) return value.split('.').at(-1);
  if (Array.isArray(value) && value.length > 0) return fieldName(String(value.at(-1)));
  return undefined;
}

function addMessage(result: FieldErrors, field: string, message: unknown): void {
  if (result[field]) return;
  const text = messageText(message);
  if (text) result[field] = text;
}

function messageText(message: unknown): string | undefined {
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(messageText).filter(Boolean).join('; ');
  if (isRecord(message)) return Object.values(message).map(messageText).filter(Boolean).join('; ');
  return undefined;
}
