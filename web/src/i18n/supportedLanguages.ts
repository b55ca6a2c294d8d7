import { localeResources } from './localeResources';

/** Language codes with a translation file, English first, then alphabetical. */
export const supportedLanguages: string[] = Object.keys(localeResources).sort((a, b) =>
  a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b),
);
