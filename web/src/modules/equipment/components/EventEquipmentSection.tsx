import { useMutation, useQuery } from '@apollo/client/react';
import { ActionIcon, Alert, Anchor, Badge, Button, Card, Group, NumberInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useViewer } from '../../auth/hooks/useViewer';
import { hasPermission } from '../../auth/utils/hasPermission';
import { EventEquipmentQuery, SetEventEquipmentMutation } from '../graphql/eventEquipmentDocuments';
import { useItemOptions } from '../hooks/useItemOptions';
import { useLiveAvailability } from '../hooks/useLiveAvailability';
import { EventGearExtrasForm } from './EventGearExtrasForm';

export type EventEquipmentSectionProps = {
  event: { id: string; busyFrom: string; busyTo: string; version: number; deletedAt: string | null; problems: ReadonlyArray<{ kind: string; message: string }> };
  canEdit: boolean;
};

/**
 * The event page's gear: planned lines with what is still available over the event's days, extra
 * deliveries and sub-rentals, shortages; adding an item shows its availability as it is chosen.
 */
export function EventEquipmentSection({ event, canEdit }: EventEquipmentSectionProps) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const editable = !event.deletedAt && (canEdit || hasPermission(viewer.permissions, 'equipment:manage'));
  const { data, refetch, error } = useQuery(EventEquipmentQuery, { variables: { eventId: event.id }, fetchPolicy: 'cache-and-network' });
  // The event changed (moved, someone else's gear, a repair): its shortages and availability may have too.
  const problemsKey = event.problems.map((problem) => `${problem.kind}:${problem.message}`).join('|');
  useEffect(() => {
    void refetch();
  }, [event.version, event.busyFrom, event.busyTo, problemsKey, refetch]);
  const [save, saving] = useMutation(SetEventEquipmentMutation);
  const [search, setSearch] = useState('');
  const [itemId, setItemId] = useState<string | null>(null);
  const [quantity, setQuantity] = useState<number>(1);
  const [failure, setFailure] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const { options } = useItemOptions(search);
  const { availability } = useLiveAvailability(itemId, event.busyFrom, event.busyTo, event.id);
  const gear = data?.eventEquipment;
  const availableOf = (id: string) => gear?.availability.find((a) => a.item.id === id)?.available;

  async function setLine(id: string, next: number) {
    setFailure(null);
    setWarning(null);
    try {
      const result = await save({ variables: { eventId: event.id, itemId: id, quantity: next } });
      const short = result.data?.setEventEquipment.shortages ?? [];
      if (short.length) setWarning(short.map((s) => t('equipment.event.shortageLine', { item: s.item.name, reserved: s.reserved, available: Math.max(0, s.available) })).join('; '));
      await refetch();
      return true;
    } catch (caught) {
      setFailure((caught as Error).message);
      return false;
    }
  }

  return (
    <Card withBorder data-testid="event-equipment">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('equipment.event.title')}</Title>
          <Group gap="xs">
            <Anchor href={`/api/export/packing-list/${event.id}.xlsx`} size="sm" data-testid="packing-list-export">
              {t('equipment.event.packingList')}
            </Anchor>
            {hasPermission(viewer.permissions, 'equipment:checkout') && (
              <Anchor component={Link} to={`/events/${event.id}/warehouse`} size="sm" data-testid="event-warehouse-link">
                {t('equipment.event.warehouse')}
              </Anchor>
            )}
          </Group>
        </Group>
        {error && <Alert color="red">{error.message}</Alert>}
        {gear && gear.shortages.length > 0 && (
          <Alert color="orange" title={t('equipment.event.shortages')} data-testid="event-equipment-shortages">
            {gear.shortages.map((s) => (
              <Text key={s.item.id} size="sm">
                {t('equipment.event.shortageDays', { item: s.item.name, reserved: s.reserved, available: Math.max(0, s.available), from: s.fromDate, to: s.toDate })}
              </Text>
            ))}
          </Alert>
        )}
        {gear && gear.lines.length === 0 && gear.extraDeliveries.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('equipment.event.empty')}
          </Text>
        )}
        {gear && gear.lines.length > 0 && (
          <Table data-testid="event-equipment-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('equipment.fields.name')}</Table.Th>
                <Table.Th>{t('equipment.fields.quantity')}</Table.Th>
                <Table.Th>{t('equipment.event.availableElsewhere')}</Table.Th>
                {editable && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {gear.lines.map((line) => {
                const free = availableOf(line.item.id) ?? 0;
                return (
                  <Table.Tr key={line.id} data-testid="event-equipment-line" data-item={line.item.code}>
                    <Table.Td>
                      <Anchor component={Link} to={`/equipment/items/${line.item.id}`}>
                        {line.item.name}
                      </Anchor>
                      {line.pickedUnits.length > 0 && (
                        <Text size="xs" c="dimmed">
                          {line.pickedUnits.map((u) => u.serial).join(', ')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td data-testid="event-equipment-quantity">{line.quantity}</Table.Td>
                    <Table.Td>
                      <Badge color={free >= line.quantity ? 'green' : 'orange'} variant="light">
                        {free}
                      </Badge>
                    </Table.Td>
                    {editable && (
                      <Table.Td>
                        <ActionIcon variant="subtle" color="red" aria-label={t('equipment.event.remove')} onClick={() => void setLine(line.item.id, 0)}>
                          ×
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {gear && gear.extraDeliveries.length > 0 && (
          <Stack gap={2}>
            <Text fw={600} size="sm">
              {t('equipment.event.extraDeliveries')}
            </Text>
            {gear.extraDeliveries.map((extra) => (
              <Text key={extra.id} size="sm">
                {extra.deliveryDate}: {extra.item.name} × {extra.quantity} — {extra.reason}
              </Text>
            ))}
          </Stack>
        )}
        {gear && gear.subRentals.length > 0 && (
          <Stack gap={2}>
            <Text fw={600} size="sm">
              {t('equipment.event.subRentals')}
            </Text>
            {gear.subRentals.map((rental) => (
              <Text key={rental.id} size="sm">
                {rental.item?.name ?? rental.description} × {rental.quantity} — {rental.supplier} ({rental.fromDate} – {rental.toDate})
              </Text>
            ))}
          </Stack>
        )}
        {editable && (
          <Stack gap="xs">
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <Select
                label={t('equipment.event.addItem')}
                placeholder={t('equipment.event.searchItem')}
                searchable
                data={options}
                value={itemId}
                onChange={setItemId}
                searchValue={search}
                onSearchChange={setSearch}
                filter={({ options: all }) => all}
                nothingFoundMessage={t('equipment.event.noItems')}
                style={{ flex: 1 }}
                data-testid="event-equipment-item"
              />
              <NumberInput label={t('equipment.fields.quantity')} min={1} value={quantity} onChange={(value) => setQuantity(Number(value) || 1)} w={90} data-testid="event-equipment-add-quantity" />
              <Button
                disabled={!itemId}
                loading={saving.loading}
                data-testid="event-equipment-add"
                onClick={async () => {
                  const current = gear?.lines.find((line) => line.item.id === itemId)?.quantity ?? 0;
                  if (itemId && (await setLine(itemId, current + quantity))) {
                    setItemId(null);
                    setQuantity(1);
                  }
                }}
              >
                {t('equipment.event.add')}
              </Button>
            </Group>
            {availability && (
              <Text size="sm" c={availability.available >= quantity ? 'teal' : 'orange'} data-testid="event-equipment-availability" data-available={availability.available}>
                {t('equipment.event.availability', { available: availability.available, owned: availability.owned, reserved: availability.reserved, inRepair: availability.inRepair })}
              </Text>
            )}
          </Stack>
        )}
        {editable && <EventGearExtrasForm eventId={event.id} busyFrom={event.busyFrom} busyTo={event.busyTo} onSaved={() => void refetch()} />}
        {warning && (
          <Alert color="orange" data-testid="event-equipment-warning">
            {warning}
          </Alert>
        )}
        {failure && (
          <Alert color="red" role="alert" data-testid="event-equipment-error">
            {failure}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
