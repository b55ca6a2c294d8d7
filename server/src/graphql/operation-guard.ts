import { BREAK, visit, type DocumentNode } from 'graphql';
import { ForbiddenError, UnauthenticatedError } from '../common/errors.js';
import type { Viewer } from './context.js';

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
