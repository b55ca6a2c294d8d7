import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EquipmentCategoriesQuery } from '../graphql/catalogueQueries';
import { CreateEquipmentCategoryMutation, UpdateEquipmentCategoryMutation } from '../graphql/catalogueEditDocuments';
import { readEquipmentRefusal, refusalSummary } from '../utils/readEquipmentRefusal';

type Category = { id: string; name: string; parentId?: string | null; position: number; itemCount: number };

/** The category tree (two levels) for equipment:manage: create a category, rename one in place. */
export function CategoriesTab() {
  const { t } = useTranslation();
  const { data } = useQuery(EquipmentCategoriesQuery, { fetchPolicy: 'cache-and-network' });
  const [createCategory, creating] = useMutation(CreateEquipmentCategoryMutation, { refetchQueries: ['EquipmentCategories'] });
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | undefined>();
  const [failure, setFailure] = useState('');
  const categories = data?.equipmentCategories ?? [];
  const parents = categories.filter((c) => !c.parentId).map((c) => ({ value: c.id, label: c.name }));

  async function create() {
    setNameError(undefined);
    setFailure('');
    if (!name.trim()) return setNameError(t('equipment.edit.required'));
    try {
      await createCategory({ variables: { input: { name: name.trim(), parentId } } });
      setName('');
    } catch (error) {
      const refusal = readEquipmentRefusal(error);
      setNameError(refusal.fields['name']);
      setFailure(refusalSummary(refusal, ['name']));
    }
  }

  return (
    <Stack>
      <Table data-testid="category-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('equipment.fields.name')}</Table.Th>
            <Table.Th>{t('equipment.edit.items')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {categories.map((category) => (
            <CategoryRow key={category.id} category={category} />
          ))}
        </Table.Tbody>
      </Table>
      <Group align="flex-start">
        <TextInput label={t('equipment.edit.newCategory')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={nameError} data-testid="category-name" />
        <Select label={t('equipment.edit.parent')} placeholder={t('equipment.edit.topLevel')} data={parents} value={parentId} onChange={setParentId} clearable data-testid="category-parent" />
        <Button mt={25} onClick={() => void create()} loading={creating.loading} data-testid="category-create">
          {t('equipment.edit.create')}
        </Button>
      </Group>
      {failure && (
        <Alert color="red" role="alert" data-testid="category-error">
          {failure}
        </Alert>
      )}
    </Stack>
  );
}

function CategoryRow({ category }: { category: Category }) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(category.name);
  const [error, setError] = useState<string | undefined>();
  const [updateCategory, updating] = useMutation(UpdateEquipmentCategoryMutation, { refetchQueries: ['EquipmentCategories', 'EquipmentItems'] });

  async function save() {
    setError(undefined);
    try {
      await updateCategory({ variables: { id: category.id, input: { name: name.trim(), parentId: category.parentId ?? null, position: category.position } } });
      setRenaming(false);
    } catch (caught) {
      const refusal = readEquipmentRefusal(caught);
      setError(refusal.fields['name'] ?? refusalSummary(refusal, []));
    }
  }

  return (
    <Table.Tr data-testid="category-row" data-category-id={category.id}>
      <Table.Td pl={category.parentId ? 'xl' : undefined}>
        {renaming ? (
          <TextInput size="xs" value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} aria-label={t('equipment.fields.name')} data-testid="category-rename-input" />
        ) : (
          <Text fw={category.parentId ? undefined : 600}>{category.name}</Text>
        )}
      </Table.Td>
      <Table.Td>{category.itemCount}</Table.Td>
      <Table.Td>
        {renaming ? (
          <Group gap="xs">
            <Button size="xs" onClick={() => void save()} loading={updating.loading} data-testid="category-rename-save">
              {t('equipment.edit.save')}
            </Button>
            <Button size="xs" variant="default" onClick={() => (setRenaming(false), setName(category.name), setError(undefined))}>
              {t('equipment.edit.cancel')}
            </Button>
          </Group>
        ) : (
          <Button size="xs" variant="subtle" onClick={() => setRenaming(true)} data-testid="category-rename">
            {t('equipment.edit.rename')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
