import { ActionIcon, Badge, Group, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CrewMember } from '../utils/productionEventTypes';

export type CrewMemberRowProps = {
  member: CrewMember;
  crewRoles: Array<{ id: string; name: string }>;
  canAssignCrew: boolean;
  showAcknowledgement: boolean;
  busy: boolean;
  onChangeRole: (crewRoleId: string) => void;
  onRemove: () => void;
};

/** One person on the crew: role (changeable by managers), acknowledgement, removal. */
export function CrewMemberRow({
  member,
  crewRoles,
  canAssignCrew,
  showAcknowledgement,
  busy,
  onChangeRole,
  onRemove,
}: CrewMemberRowProps) {
  const { t } = useTranslation();
  const { person, crewRole } = member;
  const roleOptions = crewRoles.some((role) => role.id === crewRole.id)
    ? crewRoles.map((role) => ({ value: role.id, label: role.name }))
    : [{ value: crewRole.id, label: crewRole.name }, ...crewRoles.map((role) => ({ value: role.id, label: role.name }))];

  return (
    <Table.Tr
      data-testid="crew-member"
      data-person-id={person.id}
      data-person-name={person.name}
      data-acknowledged={Boolean(member.acknowledgedAt)}
    >
      <Table.Td>
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {person.name}
          </Text>
          {person.phone && (
            <Text size="xs" c="dimmed">
              {person.phone}
            </Text>
          )}
          {member.overrideReason && (
            <Text size="xs" c="orange" data-testid="crew-member-override">
              {t('events.crew.overrideReason', { reason: member.overrideReason })}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        {canAssignCrew ? (
          <Select
            size="xs"
            data={roleOptions}
            value={crewRole.id}
            onChange={(value) => value && value !== crewRole.id && onChangeRole(value)}
            allowDeselect={false}
            disabled={busy}
            aria-label={t('events.crew.roleOf', { name: person.name })}
            data-testid="crew-member-role"
          />
        ) : (
          <Text size="sm" data-testid="crew-member-role">
            {crewRole.name}
          </Text>
        )}
      </Table.Td>
      {showAcknowledgement && (
        <Table.Td>
          <Badge
            size="sm"
            variant="light"
            color={member.acknowledgedAt ? 'green' : 'orange'}
            data-testid="crew-member-ack"
          >
            {member.acknowledgedAt ? t('events.crew.acknowledged') : t('events.crew.notAcknowledged')}
          </Badge>
        </Table.Td>
      )}
      {canAssignCrew && (
        <Table.Td>
          <Group justify="flex-end">
            <Tooltip label={t('events.crew.remove', { name: person.name })}>
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={onRemove}
                disabled={busy}
                aria-label={t('events.crew.remove', { name: person.name })}
                data-testid="crew-member-remove"
              >
                ×
              </ActionIcon>
            </Tooltip>
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
