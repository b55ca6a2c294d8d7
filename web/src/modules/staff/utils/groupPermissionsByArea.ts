import type { CatalogueEntry } from './staffTypes';

/** The catalogue grouped by area, areas and permissions in catalogue order. */
export function groupPermissionsByArea(catalogue: readonly CatalogueEntry[]): Array<{ area: string; permissions: CatalogueEntry[] }> {
  const groups = new Map<string, CatalogueEntry[]>();
  for (const entry of catalogue) groups.set(entry.area, [...(groups.get(entry.area) ?? []), entry]);
  return [...groups].map(([area, permissions]) => ({ area, permissions }));
}
