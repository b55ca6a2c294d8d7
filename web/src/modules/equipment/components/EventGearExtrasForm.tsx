import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, NumberInput, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddExtraDeliveryMutation, AddSubRentalMutation } from '../graphql/eventEquipmentDocuments';
import { useItemOptions } from '../hooks/useItemOptions';

export type EventGearExtrasFormProps = {
  eventId: string;
  busyFrom: string;
  busyTo: string;
  onSaved(): void;
};

/** Adds an extra delivery (item, quantity, reason, day) or sub-rented gear (supplier, item or text, quantity, days). */
export function EventGearExtrasForm({ eventId, busyFrom, busyTo, onSaved }: EventGearExtrasFormProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'extra' | 'rental'>('extra');
  const [search, setSearch] = useState('');
  const [itemId, setItemId] = useState<string | null>(null);
  const [quantity, setQuantity] = useState(1);
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(busyFrom);
  const [supplier, setSupplier] = useState('');
  const [description, setDescription] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const { options } = useItemOptions(search);
  const [addExtra, extraState] = useMutation(AddExtraDeliveryMutation);
  const [addRental, rentalState] = useMutation(AddSubRentalMutation);

  async function save() {
    setFailure(null);
    try {
      if (kind === 'extra') await addExtra({ variables: { eventId, itemId: itemId!, quantity, reason, date } });
      else await addRental({ variables: { eventId, input: { supplier, itemId, description: description || null, quantity, fromDate: busyFrom, toDate: busyTo } } });
      setReason('');
      setSupplier('');
      setDescription('');
      onSaved();
    } catch (caught) {
      setFailure((caught as Error).message);
    }
  }

  return (
    <Stack gap="xs" data-testid="event-gear-extras">
      <SegmentedControl
        size="xs"
        value={kind}
        onChange={(value) => setKind(value as 'extra' | 'rental')}
        data={[
          { value: 'extra', label: t('equipment.event.extraDelivery') },
          { value: 'rental', label: t('equipment.event.subRental') },
        ]}
      />
      <Group align="flex-end" gap="xs">
        <Select
          label={t('equipment.fields.name')}
          searchable
          clearable={kind === 'rental'}
          data={options}
          value={itemId}
          onChange={setItemId}
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          w={220}
        />
        <NumberInput label={t('equipment.fields.quantity')} min={1} value={quantity} onChange={(value) => setQuantity(Number(value) || 1)} w={80} />
        {kind === 'extra' ? (
          <>
            <TextInput label={t('equipment.event.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required w={200} />
            <TextInput label={t('equipment.event.date')} type="date" min={busyFrom} max={busyTo} value={date} onChange={(e) => setDate(e.currentTarget.value)} w={150} />
          </>
        ) : (
          <>
            <TextInput label={t('equipment.event.supplier')} value={supplier} onChange={(e) => setSupplier(e.currentTarget.value)} required w={180} />
            {!itemId && <TextInput label={t('equipment.event.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} w={180} />}
          </>
        )}
        <Button
          variant="light"
          loading={extraState.loading || rentalState.loading}
          disabled={kind === 'extra' ? !itemId || !reason.trim() : !supplier.trim() || (!itemId && !description.trim())}
          onClick={() => void save()}
        >
          {t('equipment.event.add')}
        </Button>
      </Group>
      {failure && <Alert color="red">{failure}</Alert>}
    </Stack>
  );
}
