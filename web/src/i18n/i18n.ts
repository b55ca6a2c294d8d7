import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { localeResources } from './localeResources';

/**
 * The app's i18next instance. It starts in English; `useInterfaceLanguage` switches it to the
 * viewer's language (or the company default) as soon as those are known.
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(
    Object.entries(localeResources).map(([language, tree]) => [language, { translation: tree }]),
  ),
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});
