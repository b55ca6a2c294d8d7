import { Alert, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientStatusActions } from '../hooks/useClientStatusActions';
import { clientStates, type Client, type ClientState } from '../utils/clientTypes';
import { readClientRefusal } from '../utils/readClientRefusal';
import { refusalReason } from '../utils/refusalReason';

export type ClientStatusActionsProps = {
  client: Client;
};

/**
 * Buttons for the other states and for archive / un-archive. A refusal (INACTIVE or archive while
 * an upcoming event is confirmed) is shown with the server's reason.
 */
export function ClientStatusActions({ client }: ClientStatusActionsProps) {
  const { t } = useTranslation();
  const actions = useClientStatusActions();
  const [refusal, setRefusal] = useState('');

  async function run(action: () => Promise<unknown>) {
    setRefusal('');
    try {
      await action();
    } catch (error) {
      setRefusal(refusalReason(readClientRefusal(error)));
    }
  }

  const archived = Boolean(client.archivedAt);
  return (
    <Stack gap="xs">
      <Group gap="xs" data-testid="client-status-actions">
        {clientStates
          .filter((state) => state !== client.state)
          .map((state: ClientState) => (
            <Button
              key={state}
              variant="light"
              size="xs"
              disabled={actions.loading}
              onClick={() => void run(() => actions.setClientState(client.id, state))}
              data-testid={`client-make-${state}`}
            >
              {t('clients.page.makeState', { state: t(`clients.state.${state}`) })}
            </Button>
          ))}
        {archived ? (
          <Button variant="light" color="teal" size="xs" disabled={actions.loading} onClick={() => void run(() => actions.unarchiveClient(client.id))} data-testid="client-unarchive">
            {t('clients.page.unarchive')}
          </Button>
        ) : (
          <Button variant="light" color="gray" size="xs" disabled={actions.loading} onClick={() => void run(() => actions.archiveClient(client.id))} data-testid="client-archive">
            {t('clients.page.archive')}
          </Button>
        )}
      </Group>
      {refusal && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setRefusal('')} data-testid="client-action-refused">
          {t('clients.page.refused', { message: refusal })}
        </Alert>
      )}
    </Stack>
  );
}
