import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../utils/clientTypes';
import { formatPhone } from '../utils/formatPhone';

export type ClientDetailsProps = {
  client: Client;
};

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId} style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </Stack>
  );
}

/** Kind, phone, e-mail, contact person, notes and since when. */
export function ClientDetails({ client }: ClientDetailsProps) {
  const { t, i18n } = useTranslation();
  const none = t('clients.page.noValue');
  const since = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(client.createdAt));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" data-testid="client-details">
      <Fact label={t('clients.fields.kind')} testId="client-kind">
        {t(`clients.kind.${client.kind}`)}
      </Fact>
      <Fact label={t('clients.fields.phone')} testId="client-phone">
        {formatPhone(client.phone)}
      </Fact>
      <Fact label={t('clients.fields.email')} testId="client-email">
        {client.email ?? none}
      </Fact>
      <Fact label={t('clients.fields.contactPerson')} testId="client-contact">
        {client.contactPerson ?? none}
      </Fact>
      <Fact label={t('clients.fields.notes')} testId="client-notes">
        {client.notes ?? none}
      </Fact>
      <Fact label={t('clients.fields.createdAt')} testId="client-created">
        {since}
      </Fact>
    </SimpleGrid>
  );
}
