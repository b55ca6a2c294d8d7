import { Alert, Button, Code, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalendarFeed } from '../hooks/useCalendarFeed';

/** My personal calendar feed (iCal) for a phone's calendar: make, regenerate or revoke its secret link. */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const feed = useCalendarFeed();
  const [failure, setFailure] = useState('');

  async function run(action: () => Promise<void>) {
    setFailure('');
    try {
      await action();
    } catch (error) {
      setFailure((error as Error).message);
    }
  }

  return (
    <Stack gap="xs" data-testid="calendar-feed">
      <Title order={4}>{t('cabinetFeed.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('cabinetFeed.body')}
      </Text>
      {feed.url ? (
        <Stack gap={4}>
          <Code block data-testid="calendar-feed-url">
            {feed.url}
          </Code>
          <Text size="xs" c="dimmed">
            {t('cabinetFeed.once')}
          </Text>
          <CopyButton value={feed.url}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy} w="fit-content">
                {copied ? t('cabinetFeed.copied') : t('cabinetFeed.copy')}
              </Button>
            )}
          </CopyButton>
        </Stack>
      ) : (
        <Text size="sm" data-testid="calendar-feed-state">
          {feed.active ? t('cabinetFeed.active') : t('cabinetFeed.none')}
        </Text>
      )}
      <Group gap="xs">
        <Button size="xs" loading={feed.busy} onClick={() => void run(feed.regenerate)} data-testid="calendar-feed-regenerate">
          {feed.active ? t('cabinetFeed.regenerate') : t('cabinetFeed.create')}
        </Button>
        {feed.active && (
          <Button size="xs" variant="light" color="red" disabled={feed.busy} onClick={() => void run(feed.revoke)} data-testid="calendar-feed-revoke">
            {t('cabinetFeed.revoke')}
          </Button>
        )}
      </Group>
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
    </Stack>
  );
}
