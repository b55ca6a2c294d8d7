import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../graphql/getFieldErrors';
import { EquipmentCategoriesQuery } from '../graphql/catalogueQueries';
import { CreateEquipmentItemMutation, UpdateEquipmentItemMutation } from '../graphql/catalogueEditDocuments';
import { readEquipmentRefusal, refusalSummary } from '../utils/readEquipmentRefusal';

const FORM_FIELDS = ['code', 'name', 'categoryId', 'kind', 'quantity', 'notes'] as const;

/** The item being edited; absent when creating one. */
export type EditedItem = {
  id: string;
  version: number;
  code: string;
  name: string;
  kind: 'BULK' | 'SERIALISED';
  categoryId: string;
  owned: number;
  notes?: string | null;
};

export type ItemFormModalProps = {
  opened: boolean;
  onClose(): void;
  item?: EditedItem;
  onSaved(id: string): void;
};

/** Creates an item or edits one (code and kind are fixed once created); refusals are shown next to their fields. */
export function ItemFormModal({ opened, onClose, item, onSaved }: ItemFormModalProps) {
  const { t } = useTranslation();
  const categories = useQuery(EquipmentCategoriesQuery);
  const [createItem, creating] = useMutation(CreateEquipmentItemMutation, { refetchQueries: ['EquipmentItems', 'EquipmentCategories'] });
  const [updateItem, updating] = useMutation(UpdateEquipmentItemMutation, { refetchQueries: ['EquipmentItem', 'EquipmentItems', 'EquipmentCategories'] });
  const [code, setCode] = useState(item?.code ?? '');
  const [name, setName] = useState(item?.name ?? '');
  const [categoryId, setCategoryId] = useState<string | null>(item?.categoryId ?? null);
  const [kind, setKind] = useState<'BULK' | 'SERIALISED'>(item?.kind ?? 'BULK');
  const [quantity, setQuantity] = useState<number | string>(item?.kind === 'BULK' ? item.owned : 0);
  const [notes, setNotes] = useState(item?.notes ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState('');
  const categoryOptions = (categories.data?.equipmentCategories ?? []).map((c) => ({ value: c.id, label: c.parentId ? `— ${c.name}` : c.name }));

  async function submit(submitted: FormEvent<HTMLFormElement>) {
    submitted.preventDefault();
    const problems: FieldErrors = {};
    if (!item && !code.trim()) problems['code'] = t('equipment.edit.required');
    if (!name.trim()) problems['name'] = t('equipment.edit.required');
    if (!categoryId) problems['categoryId'] = t('equipment.edit.required');
    setErrors(problems);
    setFailure('');
    if (Object.keys(problems).length > 0) return;
    const bulkQuantity = kind === 'BULK' ? Number(quantity) || 0 : null;
    try {
      if (item) {
        // A serialised item is counted by its units: the server refuses any quantity for it, even null.
        const input = { name: name.trim(), categoryId, notes: notes.trim() || null, ...(kind === 'BULK' ? { quantity: bulkQuantity } : {}) };
        await updateItem({ variables: { id: item.id, expectedVersion: item.version, input } });
        onSaved(item.id);
      } else {
        const done = await createItem({ variables: { input: { code: code.trim(), name: name.trim(), categoryId: categoryId!, kind, quantity: bulkQuantity, notes: notes.trim() || null } } });
        onSaved(done.data!.createEquipmentItem.id);
      }
    } catch (error) {
      const refusal = readEquipmentRefusal(error);
      setErrors(refusal.fields);
      setFailure(refusal.code === 'CONFLICT' ? t('equipment.edit.conflict') : refusalSummary(refusal, FORM_FIELDS));
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={item ? t('equipment.edit.editItem') : t('equipment.edit.newItem')} size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="item-form">
        <Stack gap="sm">
          <TextInput label={t('equipment.fields.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} error={errors['code']} disabled={Boolean(item)} required data-testid="item-form-code" />
          <TextInput label={t('equipment.fields.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors['name']} required data-testid="item-form-name" />
          <Select label={t('equipment.fields.category')} data={categoryOptions} value={categoryId} onChange={setCategoryId} error={errors['categoryId']} searchable required data-testid="item-form-category" />
          <SegmentedControl
            value={kind}
            onChange={(value) => setKind(value as typeof kind)}
            disabled={Boolean(item)}
            data={[
              { value: 'BULK', label: t('equipment.kind.BULK') },
              { value: 'SERIALISED', label: t('equipment.kind.SERIALISED') },
            ]}
            data-testid="item-form-kind"
          />
          {errors['kind'] && <Alert color="red">{errors['kind']}</Alert>}
          {kind === 'BULK' && <NumberInput label={t('equipment.edit.quantity')} value={quantity} onChange={setQuantity} min={0} error={errors['quantity']} data-testid="item-form-quantity" />}
          <Textarea label={t('equipment.edit.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors['notes']} autosize minRows={2} />
          {failure && (
            <Alert color="red" role="alert" data-testid="item-form-error">
              {failure}
            </Alert>
          )}
          <Group gap="xs">
            <Button type="submit" loading={creating.loading || updating.loading} data-testid="item-form-save">
              {t('equipment.edit.save')}
            </Button>
            <Button variant="default" onClick={onClose}>
              {t('equipment.edit.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
