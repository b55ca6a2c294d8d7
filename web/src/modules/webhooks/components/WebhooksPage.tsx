import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWebhooks } from '../hooks/useWebhooks';
import type { Webhook } from '../utils/webhookTypes';
import { WebhookDeliveries } from './WebhookDeliveries';
import { WebhookFormDialog } from './WebhookFormDialog';

/** Settings → Webhooks: register, edit, pause and remove webhooks; see their recent deliveries and failures. */
export function WebhooksPage() {
  const { t, i18n } = useTranslation();
  const { webhooks, error, save, saving, deleteWebhook } = useWebhooks();
  const [editing, setEditing] = useState<Webhook | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [deleteFailed, setDeleteFailed] = useState(false);
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });

  const open = (webhook: Webhook | null) => {
    setEditing(webhook);
    setDialogOpen(true);
  };

  async function onDelete(webhook: Webhook) {
    if (!window.confirm(t('webhooks.confirmDelete', { url: webhook.url }))) return;
    setDeleteFailed(false);
    await deleteWebhook(webhook.id).catch(() => setDeleteFailed(true));
  }

  const kinds = (webhook: Webhook) => {
    const all = [...webhook.actions, ...webhook.objectTypes];
    return all.length > 0 ? all.join(', ') : t('webhooks.everyChange');
  };

  return (
    <Stack gap="md" data-testid="webhooks-page">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2}>{t('webhooks.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('webhooks.intro')}
          </Text>
        </Stack>
        <Button onClick={() => open(null)} data-testid="webhooks-new">
          {t('webhooks.new')}
        </Button>
      </Group>
      {error && <Alert color="red">{t('webhooks.loadFailed', { message: error.message })}</Alert>}
      {deleteFailed && <Alert color="red">{t('webhooks.deleteFailed')}</Alert>}
      {webhooks.length === 0 ? (
        <Text data-testid="webhooks-empty">{t('webhooks.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" data-testid="webhooks-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('webhooks.fields.url')}</Table.Th>
                <Table.Th>{t('webhooks.fields.kinds')}</Table.Th>
                <Table.Th>{t('webhooks.fields.state')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {webhooks.map((webhook) => (
                <Table.Tr key={webhook.id} data-testid="webhook-row" data-url={webhook.url}>
                  <Table.Td>
                    <Text size="sm" style={{ wordBreak: 'break-all' }}>
                      {webhook.url}
                    </Text>
                    {webhook.description && (
                      <Text size="xs" c="dimmed">
                        {webhook.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{kinds(webhook)}</Text>
                  </Table.Td>
                  <Table.Td data-testid="webhook-state">
                    {!webhook.active ? (
                      <Badge color="gray">{t('webhooks.paused')}</Badge>
                    ) : webhook.attempts > 0 ? (
                      <Stack gap={2}>
                        <Badge color="red">{t('webhooks.failing', { count: webhook.attempts })}</Badge>
                        <Text size="xs">{webhook.lastError}</Text>
                        {webhook.nextAttemptAt && <Text size="xs">{t('webhooks.nextAttempt', { at: time.format(new Date(webhook.nextAttemptAt)) })}</Text>}
                      </Stack>
                    ) : (
                      <Stack gap={2}>
                        <Badge color="green">{t('webhooks.ok')}</Badge>
                        {webhook.lastDeliveredAt && <Text size="xs">{t('webhooks.lastDelivered', { at: time.format(new Date(webhook.lastDeliveredAt)) })}</Text>}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button size="xs" variant="default" onClick={() => open(webhook)} data-testid="webhook-edit">
                        {t('webhooks.edit')}
                      </Button>
                      <Button size="xs" color="red" variant="light" onClick={() => void onDelete(webhook)} data-testid="webhook-delete">
                        {t('webhooks.delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <WebhookDeliveries webhooks={webhooks} />
      <WebhookFormDialog opened={dialogOpen} webhook={editing} saving={saving} onSave={(values) => save(editing, values)} onClose={() => setDialogOpen(false)} />
    </Stack>
  );
}
