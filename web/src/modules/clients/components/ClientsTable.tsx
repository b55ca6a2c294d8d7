import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Client } from '../utils/clientTypes';
import { formatPhone } from '../utils/formatPhone';
import { ClientStateBadge } from './ClientStateBadge';

export type ClientsTableProps = {
  clients: readonly Client[];
};

/** One row per client; the whole row opens the client's page, the name is the link. */
export function ClientsTable({ clients }: ClientsTableProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="xs" data-testid="clients-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('clients.fields.name')}</Table.Th>
            <Table.Th>{t('clients.fields.kind')}</Table.Th>
            <Table.Th>{t('clients.fields.phone')}</Table.Th>
            <Table.Th>{t('clients.fields.email')}</Table.Th>
            <Table.Th>{t('clients.fields.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clients.map((client) => (
            <Table.Tr
              key={client.id}
              onClick={() => void navigate(`/clients/${client.id}`)}
              style={{ cursor: 'pointer' }}
              data-testid="client-row"
              data-client-id={client.id}
            >
              <Table.Td>
                <Anchor component={Link} to={`/clients/${client.id}`} onClick={(event) => event.stopPropagation()} data-testid="client-row-name">
                  {client.name}
                </Anchor>
                {client.contactPerson && (
                  <Text size="xs" c="dimmed">
                    {client.contactPerson}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{t(`clients.kind.${client.kind}`)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="client-row-phone">
                {formatPhone(client.phone)}
              </Table.Td>
              <Table.Td>{client.email ?? ''}</Table.Td>
              <Table.Td>
                <ClientStateBadge state={client.state} archived={Boolean(client.archivedAt)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
