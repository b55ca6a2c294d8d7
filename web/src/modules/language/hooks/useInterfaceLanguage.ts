import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { supportedLanguages } from '../../../i18n/supportedLanguages';
import { resolveInterfaceLanguage } from '../utils/resolveInterfaceLanguage';

/**
 * Keeps i18next (and `<html lang>`) on the viewer's language, or the company default when
 * nobody is signed in. Runs again only when one of the two changes, so a visitor's choice on
 * the login page stands until then.
 */
export function useInterfaceLanguage(
  viewerLanguage: string | null | undefined,
  defaultLanguage: string,
): void {
  const { i18n } = useTranslation();

  useEffect(() => {
    const language = resolveInterfaceLanguage(viewerLanguage, defaultLanguage, supportedLanguages);
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [i18n, viewerLanguage, defaultLanguage]);

  useEffect(() => {
    const sync = (language: string) => {
      document.documentElement.lang = language;
    };
    sync(i18n.language);
    i18n.on('languageChanged', sync);
    return () => i18n.off('languageChanged', sync);
  }, [i18n]);
}
