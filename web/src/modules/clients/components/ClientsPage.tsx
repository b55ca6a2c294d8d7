import { Alert, Button, Group, Loader, Pagination, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../../auth/hooks/useViewer';
import { useClientSearch } from '../hooks/useClientSearch';
import { useClients } from '../hooks/useClients';
import { clientPageSize } from '../utils/clientPageSize';
import { getClientPermissions } from '../utils/getClientPermissions';
import { ClientsFilters } from './ClientsFilters';
import { ClientsTable } from './ClientsTable';
import { NewClientDialog } from './NewClientDialog';

/** The client base (`/clients`): search, filters and page kept in the URL. */
export function ClientsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { canManage } = getClientPermissions(viewer.permissions);
  const { search, setSearch } = useClientSearch();
  const { page, loading, error, refetch } = useClients(search);
  const [creating, setCreating] = useState(false);
  const pageCount = page ? Math.max(1, Math.ceil(page.total / clientPageSize)) : 1;

  return (
    <Stack data-testid="clients-page">
      <Group justify="space-between" align="baseline">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('clients.title')}</Title>
          {page && (
            <Text c="dimmed" size="sm" data-testid="clients-total" data-total={page.total}>
              {t('clients.total', { count: page.total })}
            </Text>
          )}
          {loading && <Loader size="xs" />}
        </Group>
        {canManage && (
          <Button onClick={() => setCreating(true)} data-testid="clients-new">
            {t('clients.new')}
          </Button>
        )}
      </Group>
      <ClientsFilters search={search} onChange={setSearch} />
      {error && (
        <Alert color="red" role="alert">
          {t('clients.loadFailed', { message: error.message })}{' '}
          <Button size="compact-xs" variant="white" color="red" onClick={() => void refetch()}>
            {t('app.retry')}
          </Button>
        </Alert>
      )}
      {page && page.clients.length === 0 && !loading && (
        <Text c="dimmed" data-testid="clients-empty">
          {t('clients.empty')}
        </Text>
      )}
      {page && page.clients.length > 0 && <ClientsTable clients={page.clients} />}
      {pageCount > 1 && (
        <Pagination
          total={pageCount}
          value={Math.min(search.page, pageCount)}
          onChange={(next) => setSearch({ page: next })}
          data-testid="clients-pagination"
        />
      )}
      {canManage && <NewClientDialog opened={creating} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
