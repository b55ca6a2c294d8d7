/**
 * The interface language: the viewer's own choice, else the company default, each only if a
 * translation file exists (a regional code such as `pt-BR` falls back to `pt`), else English.
 */
export function resolveInterfaceLanguage(
  viewerLanguage: string | null | undefined,
  defaultLanguage: string | null | undefined,
  supported: readonly string[],
): string {
  for (const candidate of [viewerLanguage, defaultLanguage]) {
    if (!candidate) continue;
    if (supported.includes(candidate)) return candidate;
    const base = candidate.split('-')[0];
    if (base && supported.includes(base)) return base;
  }
  return 'en';
}
