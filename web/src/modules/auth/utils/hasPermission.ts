/**
 * Whether a permission list (the viewer's effective permissions) grants `permission`,
 * e.g. `'journal:read'`. Only hides UI: the server checks every operation itself.
 */
export function hasPermission(permissions: readonly string[], permission: string): boolean {
  return permissions.includes(permission);
}
