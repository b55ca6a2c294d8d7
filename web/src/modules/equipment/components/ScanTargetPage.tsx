import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Card, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ScanTargetQuery } from '../graphql/catalogueQueries';
import { EquipmentUnitView } from './EquipmentUnitPage';

/** `/q/<code>`, what a label's QR code opens on a phone (after sign-in): the unit, case or item. */
export function ScanTargetPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const { data, loading, error } = useQuery(ScanTargetQuery, { variables: { code } });
  if (error) return <Alert color="red" data-testid="scan-target-error">{error.message}</Alert>;
  if (!data) return loading ? <Loader /> : null;
  const target = data.scanTarget;
  if (target.unit) return <EquipmentUnitView unitId={target.unit.id} />;
  if (target.case) {
    return (
      <Stack data-testid="scan-target-case">
        <Title order={2}>{target.case.name}</Title>
        <List>
          {target.case.units.map((unit) => (
            <List.Item key={unit.id}>
              <Anchor component={Link} to={`/equipment/units/${unit.id}`}>
                {unit.item.name} {unit.serial}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </Stack>
    );
  }
  return (
    <Card withBorder data-testid="scan-target-item">
      <Title order={3}>{target.item?.name}</Title>
      <Text>
        {t('equipment.fields.owned')}: {target.item?.owned} · {t('equipment.fields.inRepair')}: {target.item?.inRepair} · {t('equipment.fields.out')}: {target.item?.out}
      </Text>
      {target.item && (
        <Anchor component={Link} to={`/equipment/items/${target.item.id}`}>
          {t('equipment.scan.openItem')}
        </Anchor>
      )}
    </Card>
  );
}
