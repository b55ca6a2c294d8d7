import { describe, expect, it } from 'vitest';
import { flattenTranslationKeys } from './flattenTranslationKeys';
import { localeResources } from './localeResources';

// i18next's JSON v4 plural suffixes: `key_one`, `key_other`, ordinals as `key_ordinal_one`.
const pluralKey = /^(?<base>.+?)_(?<ordinal>ordinal_)?(?<category>zero|one|two|few|many|other)$/;
// i18next honours `key_zero` for a count of 0 in every language, so it may always be present.
const optionalCategories = new Set(['zero']);
// Languages that must be complete; others ("pt welcome") may be partial but never wrong.
const completeLanguages = ['ru'];

type PluralFamily = { type: Intl.PluralRuleType; categories: Set<string> };

function pluralFamilies(keys: string[]): Map<string, PluralFamily> {
  const families = new Map<string, PluralFamily>();
  for (const key of keys) {
    const match = pluralKey.exec(key);
    if (!match?.groups) continue;
    const { base, ordinal, category } = match.groups as { base: string; ordinal?: string; category: string };
    const type: Intl.PluralRuleType = ordinal ? 'ordinal' : 'cardinal';
    const id = `${base}${ordinal ? ' (ordinal)' : ''}`;
    const family = families.get(id) ?? { type, categories: new Set<string>() };
    family.categories.add(category);
    families.set(id, family);
  }
  return families;
}

/** A key as a language-independent name: plural families collapse to `base#plural`. */
function logicalKeys(keys: string[]): Set<string> {
  return new Set(
    keys.map((key) => {
      const match = pluralKey.exec(key);
      if (!match?.groups) return key;
      return `${match.groups['base']}#${match.groups['ordinal'] ? 'ordinal' : 'plural'}`;
    }),
  );
}

const languages = Object.keys(localeResources).sort();
const english = localeResources['en'];

describe('translation files', () => {
  it('include English and Russian', () => {
    expect(languages).toEqual(expect.arrayContaining(['en', 'ru']));
  });

  describe.each(languages)('%s', (language) => {
    const tree = localeResources[language]!;
    const keys = flattenTranslationKeys(tree);

    it('is named after a language Intl knows', () => {
      const resolved = new Intl.PluralRules(language).resolvedOptions().locale;
      expect(resolved.split('-')[0]).toBe(language.split('-')[0]);
    });

    it('has every plural category of the language for every plural key', () => {
      const problems: string[] = [];
      for (const [family, { type, categories }] of pluralFamilies(keys)) {
        const required = new Intl.PluralRules(language, { type }).resolvedOptions().pluralCategories;
        const missing = required.filter((category) => !categories.has(category));
        const extra = [...categories].filter(
          (category) =>
            !(required as string[]).includes(category) && !optionalCategories.has(category),
        );
        if (missing.length > 0) problems.push(`${family}: missing ${missing.join(', ')}`);
        if (extra.length > 0) problems.push(`${family}: not a ${language} category: ${extra.join(', ')}`);
      }
      expect(problems).toEqual([]);
    });

    it('has only keys that English has', () => {
      const englishKeys = logicalKeys(flattenTranslationKeys(english!));
      const unknown = [...logicalKeys(keys)].filter((key) => !englishKeys.has(key));
      expect(unknown).toEqual([]);
    });

    it('has no empty translations', () => {
      const empty = keys.filter((key) => {
        const value = key.split('.').reduce<unknown>(
          (node, part) => (node as Record<string, unknown>)[part],
          tree,
        );
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty).toEqual([]);
    });
  });

  describe.each(completeLanguages)('%s is complete', (language) => {
    it('has every key English has', () => {
      const translated = logicalKeys(flattenTranslationKeys(localeResources[language]!));
      const missing = [...logicalKeys(flattenTranslationKeys(english!))].filter(
        (key) => !translated.has(key),
      );
      expect(missing).toEqual([]);
    });
  });
});
