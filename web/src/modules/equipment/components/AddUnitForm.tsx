import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddEquipmentUnitMutation } from '../graphql/catalogueEditDocuments';
import { readEquipmentRefusal, refusalSummary } from '../utils/readEquipmentRefusal';

export type AddUnitFormProps = { itemId: string };

/** Adds a unit with its serial number to a serialised item; a serial the item already has is refused inline. */
export function AddUnitForm({ itemId }: AddUnitFormProps) {
  const { t } = useTranslation();
  const [serial, setSerial] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState('');
  const [addUnit, adding] = useMutation(AddEquipmentUnitMutation, { refetchQueries: ['EquipmentItem', 'EquipmentAvailabilityByDay'] });

  async function add() {
    setError(undefined);
    setFailure('');
    if (!serial.trim()) return setError(t('equipment.edit.required'));
    try {
      await addUnit({ variables: { itemId, serial: serial.trim() } });
      setSerial('');
    } catch (caught) {
      const refusal = readEquipmentRefusal(caught);
      setError(refusal.fields['serial']);
      setFailure(refusalSummary(refusal, ['serial']));
    }
  }

  return (
    <>
      <Group align="flex-start" data-testid="add-unit">
        <TextInput
          placeholder={t('equipment.fields.serial')}
          aria-label={t('equipment.fields.serial')}
          value={serial}
          onChange={(e) => setSerial(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && void add()}
          error={error}
          data-testid="add-unit-serial"
        />
        <Button onClick={() => void add()} loading={adding.loading} data-testid="add-unit-save">
          {t('equipment.edit.addUnit')}
        </Button>
      </Group>
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
    </>
  );
}
