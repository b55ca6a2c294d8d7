import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export type EquipmentMovementsTableProps = {
  movements: ReadonlyArray<{
    id: string;
    at: string;
    kind: string;
    quantity: number;
    via: string;
    condition: string | null;
    note: string | null;
    actor: { name: string } | null;
    unit: { serial: string } | null;
    event: { id: string; title: string } | null;
  }>;
};

/** A unit's or an item's history: newest first. */
export function EquipmentMovementsTable({ movements }: EquipmentMovementsTableProps) {
  const { t, i18n } = useTranslation();
  if (movements.length === 0) return <Text c="dimmed">{t('equipment.history.none')}</Text>;
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Table data-testid="equipment-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('equipment.history.when')}</Table.Th>
          <Table.Th>{t('equipment.history.what')}</Table.Th>
          <Table.Th>{t('equipment.history.event')}</Table.Th>
          <Table.Th>{t('equipment.history.who')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {movements.map((movement) => (
          <Table.Tr key={movement.id} data-testid="equipment-history-row" data-kind={movement.kind}>
            <Table.Td>{format.format(new Date(movement.at))}</Table.Td>
            <Table.Td>
              {t(`equipment.movement.${movement.kind}`)}
              {movement.unit ? ` · ${movement.unit.serial}` : movement.quantity > 1 ? ` × ${movement.quantity}` : ''}
              {movement.condition && movement.condition !== 'OK' ? ` (${t(`equipment.condition.${movement.condition}`)})` : ''}
              {movement.via === 'SCAN' ? ` · ${t('equipment.history.scanned')}` : ''}
              {movement.note && (
                <Text size="xs" c="dimmed">
                  {movement.note}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {movement.event && (
                <Anchor component={Link} to={`/events/${movement.event.id}`}>
                  {movement.event.title}
                </Anchor>
              )}
            </Table.Td>
            <Table.Td>{movement.actor?.name ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
