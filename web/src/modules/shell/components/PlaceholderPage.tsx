import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type PlaceholderPageProps = {
  /** i18n key of the page title. */
  titleKey: string;
};

/** Stands in for a part of the product that is not built yet. */
export function PlaceholderPage({ titleKey }: PlaceholderPageProps) {
  const { t } = useTranslation();

  return (
    <Stack gap="xs" data-testid="placeholder-page">
      <Title order={2}>{t(titleKey)}</Title>
      <Text>{t('placeholder.body')}</Text>
    </Stack>
  );
}
