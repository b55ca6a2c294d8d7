import { Badge, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWebhookDeliveries } from '../hooks/useWebhookDeliveries';
import type { Webhook } from '../utils/webhookTypes';

export type WebhookDeliveriesProps = {
  webhooks: readonly Webhook[];
};

/** Recent delivery attempts of every webhook, or only the failures. */
export function WebhookDeliveries({ webhooks }: WebhookDeliveriesProps) {
  const { t, i18n } = useTranslation();
  const [failedOnly, setFailedOnly] = useState(false);
  const { deliveries, error } = useWebhookDeliveries(failedOnly);
  const urlOf = new Map(webhooks.map((webhook) => [webhook.id, webhook.url]));
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });

  return (
    <Stack gap="xs" data-testid="webhook-deliveries">
      <Group justify="space-between">
        <Title order={3}>{t('webhooks.deliveries')}</Title>
        <SegmentedControl
          value={failedOnly ? 'failed' : 'all'}
          onChange={(value) => setFailedOnly(value === 'failed')}
          data={[
            { value: 'all', label: t('webhooks.allDeliveries') },
            { value: 'failed', label: t('webhooks.failedDeliveries') },
          ]}
          data-testid="webhook-deliveries-filter"
        />
      </Group>
      {error && <Text c="red">{t('webhooks.loadFailed', { message: error.message })}</Text>}
      {deliveries.length === 0 ? (
        <Text c="dimmed" data-testid="webhook-deliveries-empty">
          {failedOnly ? t('webhooks.noFailures') : t('webhooks.noDeliveries')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('webhooks.fields.at')}</Table.Th>
                <Table.Th>{t('webhooks.fields.url')}</Table.Th>
                <Table.Th>{t('webhooks.fields.change')}</Table.Th>
                <Table.Th>{t('webhooks.fields.attempt')}</Table.Th>
                <Table.Th>{t('webhooks.fields.result')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deliveries.map((delivery) => (
                <Table.Tr key={delivery.id} data-testid="webhook-delivery-row" data-succeeded={String(delivery.succeeded)}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{time.format(new Date(delivery.at))}</Table.Td>
                  <Table.Td>{urlOf.get(delivery.webhookId) ?? delivery.webhookId}</Table.Td>
                  <Table.Td>#{delivery.journalSeq}</Table.Td>
                  <Table.Td>{delivery.attempt}</Table.Td>
                  <Table.Td>
                    {delivery.succeeded ? (
                      <Badge color="green">{t('webhooks.delivered', { status: delivery.statusCode, ms: delivery.durationMs })}</Badge>
                    ) : (
                      <Badge color="red">{delivery.error ?? t('webhooks.failed')}</Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
