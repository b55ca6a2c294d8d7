import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useViewer } from '../../auth/hooks/useViewer';
import { useClient } from '../hooks/useClient';
import { getClientPermissions } from '../utils/getClientPermissions';
import { ClientLoadError } from './ClientLoadError';
import { ClientView } from './ClientView';

/** One client (`/clients/:id`): details, edit, phone, state and archive, and their events. */
export function ClientPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const viewer = useViewer();
  const permissions = getClientPermissions(viewer.permissions);
  const { client, error, refetch } = useClient(id, permissions.canSeeEvents);

  if (!client && error) return <ClientLoadError error={error} onRetry={() => void refetch()} />;
  if (!client) {
    return (
      <Center py="xl" aria-label={t('clients.page.loading')}>
        <Loader />
      </Center>
    );
  }
  return (
    // A new id is a new page: no open form carries over.
    <ClientView key={client.id} client={client} permissions={permissions} onReload={async () => (await refetch()).data?.client ?? null} />
  );
}
