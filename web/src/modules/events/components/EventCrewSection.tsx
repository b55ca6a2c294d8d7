import { Card, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCrewRoles } from '../hooks/useCrewRoles';
import { useSetCrewRole } from '../hooks/useSetCrewRole';
import { useUnassignCrew } from '../hooks/useUnassignCrew';
import type { EventPermissions } from '../utils/getEventPermissions';
import type { CrewConflict, ProductionEvent } from '../utils/productionEventTypes';
import { AddCrewMemberForm } from './AddCrewMemberForm';
import { CrewConflictWarning } from './CrewConflictWarning';
import { CrewMemberRow } from './CrewMemberRow';

export type EventCrewSectionProps = {
  event: ProductionEvent;
  permissions: EventPermissions;
};

/** The crew with their roles and acknowledgements; managers add, re-role and remove people. */
export function EventCrewSection({ event, permissions }: EventCrewSectionProps) {
  const { t } = useTranslation();
  const { crewRoles } = useCrewRoles(permissions.canAssignCrew);
  const { setCrewRole } = useSetCrewRole();
  const { unassignCrew } = useUnassignCrew();
  const [busyPersonId, setBusyPersonId] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<CrewConflict[]>([]);
  const notAcknowledged = event.crew.filter((member) => !member.acknowledgedAt).length;

  async function run(personId: string, work: () => Promise<unknown>, failedKey: string) {
    setBusyPersonId(personId);
    try {
      await work();
    } catch (error) {
      notifications.show({ color: 'red', message: t(failedKey, { message: (error as Error).message }) });
    } finally {
      setBusyPersonId(null);
    }
  }

  return (
    <Card withBorder data-testid="crew-section">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h4">
            {t('events.crew.title', { count: event.crew.length })}
          </Title>
          {permissions.seesAcknowledgements && notAcknowledged > 0 && (
            <Text size="sm" c="orange" data-testid="crew-not-acknowledged-count">
              {t('events.crew.notAcknowledgedCount', { count: notAcknowledged })}
            </Text>
          )}
        </Group>
        {event.crew.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('events.crew.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={360}>
            <Table verticalSpacing="xs" aria-label={t('events.crew.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('events.crew.person')}</Table.Th>
                  <Table.Th>{t('events.crew.role')}</Table.Th>
                  {permissions.seesAcknowledgements && <Table.Th>{t('events.crew.acknowledgement')}</Table.Th>}
                  {permissions.canAssignCrew && (
                    <Table.Th>
                      <VisuallyHidden>{t('events.crew.actions')}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {event.crew.map((member) => (
                  <CrewMemberRow
                    key={member.id}
                    member={member}
                    crewRoles={crewRoles}
                    canAssignCrew={permissions.canAssignCrew}
                    showAcknowledgement={permissions.seesAcknowledgements}
                    busy={busyPersonId === member.person.id}
                    onChangeRole={(crewRoleId) =>
                      void run(member.person.id, () => setCrewRole(event.id, member.person.id, crewRoleId), 'events.crew.roleFailed')
                    }
                    onRemove={() =>
                      void run(member.person.id, () => unassignCrew(event.id, member.person.id), 'events.crew.removeFailed')
                    }
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {conflicts.length > 0 && <CrewConflictWarning conflicts={conflicts} onClose={() => setConflicts([])} />}
        {permissions.canAssignCrew && (
          <AddCrewMemberForm event={event} crewRoles={crewRoles} onConflicts={setConflicts} />
        )}
      </Stack>
    </Card>
  );
}
