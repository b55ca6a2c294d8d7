import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useViewer } from '../../auth/hooks/useViewer';
import { hasPermission } from '../../auth/utils/hasPermission';
import { CloseRepairMutation, RepairsQuery } from '../graphql/repairDocuments';

/** Open repairs, oldest first: what, why, who reported it, who is responsible, how long. */
export function RepairsTab() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const canClose = hasPermission(viewer.permissions, 'repair:manage');
  const { data, refetch } = useQuery(RepairsQuery, { variables: { open: true }, fetchPolicy: 'cache-and-network' });
  const [close] = useMutation(CloseRepairMutation);
  const repairs = data?.repairs ?? [];
  if (repairs.length === 0) return <Text c="dimmed">{t('equipment.repairs.none')}</Text>;
  return (
    <Table data-testid="repairs-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('equipment.fields.name')}</Table.Th>
          <Table.Th>{t('equipment.repairs.reason')}</Table.Th>
          <Table.Th>{t('equipment.repairs.reporter')}</Table.Th>
          <Table.Th>{t('equipment.repairs.responsible')}</Table.Th>
          <Table.Th>{t('equipment.repairs.daysOpen')}</Table.Th>
          {canClose && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {repairs.map((repair) => (
          <Table.Tr key={repair.id} data-testid="repair-row">
            <Table.Td>
              {repair.unit ? (
                <Anchor component={Link} to={`/equipment/units/${repair.unit.id}`}>
                  {repair.item.name} {repair.unit.serial}
                </Anchor>
              ) : (
                `${repair.item.name} × ${repair.quantity}`
              )}
            </Table.Td>
            <Table.Td>
              {repair.reason} <Text span c="dimmed" size="xs">({repair.problemKind})</Text>
            </Table.Td>
            <Table.Td>{repair.reportedBy?.name ?? '—'}</Table.Td>
            <Table.Td>{repair.responsible?.name ?? '—'}</Table.Td>
            <Table.Td>{t('equipment.repairs.days', { count: repair.daysOpen })}</Table.Td>
            {canClose && (
              <Table.Td>
                <Group gap={4}>
                  <Button size="compact-xs" variant="light" onClick={async () => (await close({ variables: { id: repair.id, outcome: 'RETURNED' } }), void refetch())}>
                    {t('equipment.repairs.returned')}
                  </Button>
                  <Button size="compact-xs" variant="light" color="red" onClick={async () => (await close({ variables: { id: repair.id, outcome: 'WRITTEN_OFF' } }), void refetch())}>
                    {t('equipment.repairs.writeOff')}
                  </Button>
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
