import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useViewer } from '../../auth/hooks/useViewer';
import { hasPermission } from '../../auth/utils/hasPermission';
import { EquipmentItemQuery } from '../graphql/catalogueQueries';
import { SetEquipmentItemArchivedMutation } from '../graphql/catalogueEditDocuments';
import { monthOrCurrent } from '../utils/monthGrid';
import { readEquipmentRefusal } from '../utils/readEquipmentRefusal';
import { AddUnitForm } from './AddUnitForm';
import { AvailabilityCalendar } from './AvailabilityCalendar';
import { ItemFormModal } from './ItemFormModal';
import { EquipmentMovementsTable } from './EquipmentMovementsTable';
import { ReportFaultForm } from './ReportFaultForm';

/** One item (`/equipment/items/:id`): stock, units and where they are, a month of availability, history; editing for equipment:manage. */
export function EquipmentItemPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const viewer = useViewer();
  const canManage = hasPermission(viewer.permissions, 'equipment:manage');
  const [params, setParams] = useSearchParams();
  const month = monthOrCurrent(params.get('month'));
  const [editing, setEditing] = useState(false);
  const [archiveFailure, setArchiveFailure] = useState('');
  const [setArchived, archiving] = useMutation(SetEquipmentItemArchivedMutation, { refetchQueries: ['EquipmentItems'] });
  const { data, loading, error, refetch } = useQuery(EquipmentItemQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!data) return loading ? <Loader /> : null;
  const item = data.equipmentItem;
  const archived = Boolean(item.archivedAt);
  return (
    <Stack data-testid="equipment-item-page">
      <Group gap="sm">
        <Title order={2}>{item.name}</Title>
        <Badge variant="light">{item.code}</Badge>
        <Badge variant="outline">{t(`equipment.kind.${item.kind}`)}</Badge>
        {archived && (
          <Badge color="gray" data-testid="item-archived">
            {t('equipment.edit.archived')}
          </Badge>
        )}
        {canManage && (
          <Anchor href={`/api/labels.pdf?layout=small&itemIds=${item.id}`} size="sm" data-testid="item-labels">
            {t('equipment.labels.printItem')}
          </Anchor>
        )}
        {canManage && (
          <Group gap="xs" ml="auto">
            <Button size="xs" variant="default" onClick={() => setEditing(true)} data-testid="item-edit">
              {t('equipment.edit.edit')}
            </Button>
            <Button
              size="xs"
              variant="default"
              color={archived ? undefined : 'red'}
              loading={archiving.loading}
              data-testid="item-archive"
              onClick={async () => {
                setArchiveFailure('');
                try {
                  await setArchived({ variables: { id: item.id, archived: !archived } });
                } catch (caught) {
                  setArchiveFailure(readEquipmentRefusal(caught).message);
                }
              }}
            >
              {archived ? t('equipment.edit.unarchive') : t('equipment.edit.archive')}
            </Button>
          </Group>
        )}
      </Group>
      {archiveFailure && (
        <Alert color="red" role="alert">
          {archiveFailure}
        </Alert>
      )}
      {editing && (
        <ItemFormModal
          opened
          onClose={() => setEditing(false)}
          item={{ id: item.id, version: item.version, code: item.code, name: item.name, kind: item.kind, categoryId: item.categoryId, owned: item.owned, notes: item.notes }}
          onSaved={() => setEditing(false)}
        />
      )}
      <Text c="dimmed">{item.categoryPath}</Text>
      <Card withBorder>
        <Group>
          <Text>{t('equipment.fields.owned')}: {item.owned}</Text>
          <Text>{t('equipment.fields.inRepair')}: {item.inRepair}</Text>
          <Text>{t('equipment.fields.out')}: {item.out}</Text>
          <Text>{t('equipment.fields.inStore')}: {item.owned - item.inRepair - item.out}</Text>
        </Group>
        {item.notes && <Text size="sm" mt="xs">{item.notes}</Text>}
      </Card>
      <AvailabilityCalendar
        itemId={item.id}
        month={month}
        onMonthChange={(next) => setParams((current) => (current.set('month', next), current), { replace: true })}
      />
      {item.kind === 'SERIALISED' && canManage && !archived && <AddUnitForm itemId={item.id} />}
      {item.kind === 'SERIALISED' ? (
        <Table data-testid="equipment-units">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('equipment.fields.serial')}</Table.Th>
              <Table.Th>{t('equipment.fields.where')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.equipmentUnits.map((unit) => (
              <Table.Tr key={unit.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/equipment/units/${unit.id}`}>
                    {unit.serial}
                  </Anchor>
                  {unit.caseName && <Text span size="xs" c="dimmed"> · {unit.caseName}</Text>}
                </Table.Td>
                <Table.Td>
                  {unit.writtenOffAt ? t('equipment.unit.writtenOff') : unit.inRepair ? t('equipment.unit.inRepair') : unit.outEvent ? t('equipment.unit.outWith', { title: unit.outEvent.title }) : t('equipment.unit.inStore')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Card withBorder>
          <Title order={5} mb="xs">
            {t('equipment.repairs.report')}
          </Title>
          <ReportFaultForm itemId={item.id} onReported={() => void refetch()} />
        </Card>
      )}
      <Title order={4}>{t('equipment.history.title')}</Title>
      <EquipmentMovementsTable movements={data.equipmentMovements} />
    </Stack>
  );
}
