import { BREAK, Kind, visit, type DocumentNode } from 'graphql';
import { BadUserInputError, ForbiddenError, UnauthenticatedError, type FieldProblem } from '../common/errors.js';
import type { Viewer } from './context.js';
import { jsonDeeperThan, LIMITS } from './limits.js';

function usesIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Checks that apply before execution on both transports: introspection is for signed-in people
 * only (the playground and integrators use it) and can be switched off entirely.
 */
export function guardOperation(document: DocumentNode, viewer: Viewer | null, options: { introspection: boolean }): void {
  if (!usesIntrospection(document)) return;
  if (!options.introspection) throw new ForbiddenError('Introspection is switched off on this server.');
  if (!viewer) throw new UnauthenticatedError('Sign in to explore the schema.');
}

/** A NUL character, or half of a surrogate pair without its other half (not well-formed Unicode). */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_MESSAGE = 'must be well-formed Unicode text without the NUL character (U+0000)';

/** Where an unstorable string hides in a variable's value: the variable's name, or its path inside (iterative). */
function nulPaths(value: unknown, path: string, found: string[]): void {
  const stack: Array<[unknown, string]> = [[value, path]];
  while (stack.length > 0 && found.length < 10) {
    const [current, at] = stack.pop()!;
    if (typeof current === 'string') {
      if (UNSTORABLE.test(current)) found.push(at);
    } else if (current && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) stack.push([item, `${at}.${key}`]);
    }
  }
}

/**
 * Variables nested absurdly deep are refused (recursive coercion would overflow the stack), and
 * PostgreSQL cannot store U+0000 in text, nor a lone surrogate in jsonb (the journal): such a
 * string would fail deep in a statement as an unexpected error. Refused up front instead, as BAD_USER_INPUT naming the argument or variable.
 */
export function checkInputValues(document: DocumentNode, variables: Record<string, unknown> | null | undefined): void {
  if (jsonDeeperThan(variables, LIMITS.maxJsonDepth)) {
    throw new BadUserInputError([{ field: 'variables', message: `must not nest more than ${LIMITS.maxJsonDepth} levels deep` }]);
  }
  const found: string[] = [];
  if (variables && typeof variables === 'object') for (const [name, value] of Object.entries(variables)) nulPaths(value, name, found);
  visit(document, {
    Argument(node) {
      let inside = false;
      visit(node.value, {
        [Kind.STRING]: (string) => {
          if (UNSTORABLE.test(string.value)) inside = true;
        },
      });
      if (inside) found.push(node.name.value);
    },
  });
  if (found.length > 0) throw new BadUserInputError(found.map((field): FieldProblem => ({ field, message: UNSTORABLE_MESSAGE })));
}
