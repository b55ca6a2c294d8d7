import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { supportedLanguages } from '../../../i18n/supportedLanguages';

export type LanguageSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string;
  onChange: (language: string) => void;
};

/** Every language with a translation file, each named in itself ("English", "Русский"). */
export function LanguageSelect({ value, onChange, ...selectProps }: LanguageSelectProps) {
  const { t, i18n } = useTranslation();
  const data = supportedLanguages.map((language) => ({
    value: language,
    label: i18n.getFixedT(language)('language.name'),
  }));

  return (
    <Select
      aria-label={t('language.label')}
      data={data}
      value={supportedLanguages.includes(value) ? value : 'en'}
      onChange={(language) => {
        if (language && language !== value) onChange(language);
      }}
      allowDeselect={false}
      checkIconPosition="right"
      data-testid="language-select"
      {...selectProps}
    />
  );
}
