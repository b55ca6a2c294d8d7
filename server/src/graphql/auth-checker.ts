import type { AuthChecker } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../common/errors.js';
import type { RequestContext, Viewer } from './context.js';

/** Throws `UNAUTHENTICATED` without a viewer and `FORBIDDEN` when a permission is missing. */
export function requirePermissions(viewer: Viewer | null, permissions: readonly string[]): Viewer {
  if (!viewer) throw new UnauthenticatedError();
  const missing = permissions.find((permission) => !viewer.permissions.has(permission));
  if (missing) throw new ForbiddenError(`You need the "${missing}" permission for this.`, missing);
  return viewer;
}

/** `@Authorized('<resource>:<action>', …)`: every listed permission is required; none means "signed in". */
export const authChecker: AuthChecker<RequestContext> = ({ context }, permissions) => {
  requirePermissions(context.viewer, permissions);
  return true;
};
