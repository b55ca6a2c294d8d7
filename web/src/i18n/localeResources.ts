/** A translation file: nested objects of strings, keys as i18next reads them. */
export type TranslationTree = { [key: string]: string | TranslationTree };

const localeFiles = import.meta.glob<TranslationTree>('./locales/*.json', {
  eager: true,
  import: 'default',
});

/**
 * Every translation in `./locales`, by language code taken from the file name
 * (`locales/pt.json` → `pt`). Adding a language is adding a file.
 */
export const localeResources: Record<string, TranslationTree> = Object.fromEntries(
  Object.entries(localeFiles).map(([path, tree]) => [
    path.replace(/^.*\/([^/]+)\.json$/, '$1'),
    tree,
  ]),
);
