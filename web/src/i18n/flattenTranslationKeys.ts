import type { TranslationTree } from './localeResources';

/** Every leaf key of a translation tree as a dotted path (`journal.total_one`). */
export function flattenTranslationKeys(tree: TranslationTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [path] : flattenTranslationKeys(value, path);
  });
}
