import { Anchor, Button, Divider, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Client, ClientWithEvents } from '../utils/clientTypes';
import type { ClientPermissions } from '../utils/getClientPermissions';
import { ChangePhoneForm } from './ChangePhoneForm';
import { ClientDetails } from './ClientDetails';
import { ClientEditForm } from './ClientEditForm';
import { ClientEventsList } from './ClientEventsList';
import { ClientStateBadge } from './ClientStateBadge';
import { ClientStatusActions } from './ClientStatusActions';

type Mode = 'view' | 'edit' | 'phone';

export type ClientViewProps = {
  client: ClientWithEvents;
  permissions: ClientPermissions;
  /** Reads the client again from the server; resolves to the current client. */
  onReload: () => Promise<Client | null>;
};

/** A loaded client: details, the edit and phone forms, state and archive actions, and events. */
export function ClientView({ client, permissions, onReload }: ClientViewProps) {
  const { t, i18n } = useTranslation();
  const { canManage, canSeeEvents } = permissions;
  const [mode, setMode] = useState<Mode>('view');
  const [notice, setNotice] = useState('');

  const switchTo = (next: Mode, message = '') => {
    setMode(next);
    setNotice(message);
  };

  return (
    <Stack data-testid="client-page" data-client-id={client.id}>
      <Anchor component={Link} to="/clients" size="sm">
        ← {t('clients.page.backToList')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} data-testid="client-name">
            {client.name}
          </Title>
          <Group gap={4}>
            <ClientStateBadge state={client.state} archived={Boolean(client.archivedAt)} />
            {client.archivedAt && (
              <Text size="xs" c="dimmed">
                {t('clients.page.archivedSince', {
                  date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(client.archivedAt)),
                })}
              </Text>
            )}
          </Group>
        </Stack>
        {canManage && mode === 'view' && (
          <Group gap="xs">
            <Button variant="default" onClick={() => switchTo('edit')} data-testid="client-edit">
              {t('clients.page.edit')}
            </Button>
            <Button variant="default" onClick={() => switchTo('phone')} data-testid="client-change-phone">
              {t('clients.page.changePhone')}
            </Button>
          </Group>
        )}
      </Group>
      {notice && (
        <Text size="sm" c="teal" role="status" data-testid="client-notice">
          {notice}
        </Text>
      )}
      <Paper withBorder p="md" radius="sm">
        {mode === 'edit' ? (
          <ClientEditForm
            client={client}
            onReload={onReload}
            onClose={(saved) => switchTo('view', saved ? t('clients.page.saved') : '')}
          />
        ) : (
          <Stack gap="md">
            <ClientDetails client={client} />
            {mode === 'phone' && <ChangePhoneForm client={client} onClose={(changed) => switchTo('view', changed ? t('clients.page.phoneChanged') : '')} />}
          </Stack>
        )}
      </Paper>
      {canManage && (
        <>
          <Divider />
          <ClientStatusActions client={client} />
        </>
      )}
      {canSeeEvents && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <ClientEventsList
            title={t('clients.page.upcoming')}
            emptyText={t('clients.page.noUpcoming')}
            events={client.upcomingEvents ?? []}
            testId="client-upcoming-events"
          />
          <ClientEventsList
            title={t('clients.page.past')}
            emptyText={t('clients.page.noPast')}
            events={client.pastEvents ?? []}
            testId="client-past-events"
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}
