/** A translation file: nested objects of strings, keys as i18next reads them. */
export type TranslationTree = { [key: string]: string | TranslationTree };

const appFiles = import.meta.glob<TranslationTree>('./locales/*.json', { eager: true, import: 'default' });
// Each feature may keep its own strings next to its code (`modules/calendar/locales/ru.json`).
const moduleFiles = import.meta.glob<TranslationTree>('../modules/*/locales/*.json', { eager: true, import: 'default' });

function merge(into: TranslationTree, from: TranslationTree): TranslationTree {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    into[key] = typeof value === 'object' && typeof existing === 'object' ? merge({ ...existing }, value) : value;
  }
  return into;
}

/**
 * Every translation, by language code taken from the file name (`pt.json` → `pt`): the app's
 * `./locales` and each feature's `modules/<feature>/locales`, merged. Adding a language is adding files.
 */
export const localeResources: Record<string, TranslationTree> = {};
for (const [path, tree] of Object.entries({ ...appFiles, ...moduleFiles })) {
  const language = path.replace(/^.*\/([^/]+)\.json$/, '$1');
  localeResources[language] = merge(localeResources[language] ?? {}, tree);
}
