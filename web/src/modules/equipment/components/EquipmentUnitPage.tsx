import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useViewer } from '../../auth/hooks/useViewer';
import { hasPermission } from '../../auth/utils/hasPermission';
import { EquipmentUnitQuery } from '../graphql/catalogueQueries';
import { EquipmentMovementsTable } from './EquipmentMovementsTable';
import { ReportFaultForm } from './ReportFaultForm';

export type EquipmentUnitViewProps = { unitId: string };

/** A unit: where it is, its history, and what the viewer may do (check it in, report a fault). */
export function EquipmentUnitView({ unitId }: EquipmentUnitViewProps) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { data, loading, error, refetch } = useQuery(EquipmentUnitQuery, { variables: { id: unitId }, fetchPolicy: 'cache-and-network' });
  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!data) return loading ? <Loader /> : null;
  const unit = data.equipmentUnit;
  const where = unit.writtenOffAt ? t('equipment.unit.writtenOff') : unit.inRepair ? t('equipment.unit.inRepair') : unit.outEvent ? t('equipment.unit.outWith', { title: unit.outEvent.title }) : t('equipment.unit.inStore');
  return (
    <Stack data-testid="equipment-unit-page">
      <Group gap="sm">
        <Title order={2}>
          <Anchor component={Link} to={`/equipment/items/${unit.item.id}`} inherit>
            {unit.item.name}
          </Anchor>{' '}
          {unit.serial}
        </Title>
        <Badge variant="light" data-testid="unit-where">{where}</Badge>
      </Group>
      {unit.caseName && <Text c="dimmed">{t('equipment.unit.inCase', { name: unit.caseName })}</Text>}
      {unit.outEvent && hasPermission(viewer.permissions, 'equipment:checkout') && (
        <Anchor component={Link} to={`/events/${unit.outEvent.id}/warehouse`}>
          {t('equipment.unit.checkInAt', { title: unit.outEvent.title })}
        </Anchor>
      )}
      {!unit.writtenOffAt && !unit.inRepair && (
        <Card withBorder>
          <Title order={5} mb="xs">
            {t('equipment.repairs.report')}
          </Title>
          <ReportFaultForm unitId={unit.id} onReported={() => void refetch()} />
        </Card>
      )}
      <Title order={4}>{t('equipment.history.title')}</Title>
      <EquipmentMovementsTable movements={data.equipmentMovements} />
    </Stack>
  );
}

/** `/equipment/units/:id`. */
export function EquipmentUnitPage() {
  const { id = '' } = useParams();
  return <EquipmentUnitView unitId={id} />;
}
