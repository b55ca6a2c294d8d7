import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClientState } from '../utils/clientTypes';

const colors: Record<ClientState, string> = { POTENTIAL: 'yellow', ACTIVE: 'green', INACTIVE: 'gray' };

export type ClientStateBadgeProps = {
  state: ClientState;
  archived?: boolean;
};

/** The client's state, and "archived" next to it when it is. */
export function ClientStateBadge({ state, archived = false }: ClientStateBadgeProps) {
  const { t } = useTranslation();
  return (
    <>
      <Badge color={colors[state]} variant="light" data-testid="client-state" data-state={state}>
        {t(`clients.state.${state}`)}
      </Badge>
      {archived && (
        <Badge color="dark" variant="outline" ml={4} data-testid="client-archived-badge">
          {t('clients.archived')}
        </Badge>
      )}
    </>
  );
}
