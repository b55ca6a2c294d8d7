import { Divider, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../../auth/hooks/useViewer';
import { hasPermission } from '../../auth/utils/hasPermission';
import { LanguageSelect } from '../../language/components/LanguageSelect';
import { useSetMyLanguage } from '../../language/hooks/useSetMyLanguage';
import { CabinetEvents } from './CabinetEvents';
import { CalendarFeedCard } from './CalendarFeedCard';
import { ChangePasswordForm } from './ChangePasswordForm';
import { SignOutEverywhere } from './SignOutEverywhere';

/** The personal cabinet: my notifications and events, who I am, my password, my language, my sessions. */
export function CabinetPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { setMyLanguage, loading: savingLanguage } = useSetMyLanguage();

  async function handleLanguage(language: string) {
    if (await setMyLanguage(language)) {
      notifications.show({ color: 'green', message: t('language.saved', { lng: language }) });
    }
  }

  return (
    <Stack maw={640} data-testid="cabinet">
      <Title order={2}>{t('cabinet.title')}</Title>
      {hasPermission(viewer.permissions, 'event:read') && (
        <>
          <CabinetEvents viewerId={viewer.id} />
          <Divider />
        </>
      )}
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing="xs">
          <Text c="dimmed">{t('cabinet.name')}</Text>
          <Text data-testid="cabinet-name">{viewer.name}</Text>
          <Text c="dimmed">{t('cabinet.email')}</Text>
          <Text data-testid="cabinet-email">{viewer.email}</Text>
          <Text c="dimmed">{t('cabinet.role')}</Text>
          <Text data-testid="cabinet-role">{viewer.role.name}</Text>
        </SimpleGrid>
      </Paper>
      {hasPermission(viewer.permissions, 'event:read') && (
        <Paper withBorder p="md" radius="md">
          <CalendarFeedCard />
        </Paper>
      )}
      <Paper withBorder p="md" radius="md">
        <ChangePasswordForm />
      </Paper>
      <Paper withBorder p="md" radius="md">
        <LanguageSelect
          label={t('language.label')}
          value={viewer.language}
          onChange={(language) => void handleLanguage(language)}
          disabled={savingLanguage}
          maw={240}
          data-testid="cabinet-language"
        />
      </Paper>
      <Divider />
      <SignOutEverywhere />
    </Stack>
  );
}
