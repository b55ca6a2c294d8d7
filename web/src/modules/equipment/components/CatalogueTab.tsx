import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Checkbox, Group, Loader, SegmentedControl, Select, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useViewer } from '../../auth/hooks/useViewer';
import { hasPermission } from '../../auth/utils/hasPermission';
import { EquipmentCategoriesQuery, EquipmentItemsQuery } from '../graphql/catalogueQueries';
import { ItemFormModal } from './ItemFormModal';

/** The catalogue: search by name or code, filter by category and kind, stock at a glance; new items for equipment:manage. */
export function CatalogueTab() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [kind, setKind] = useState<'ALL' | 'BULK' | 'SERIALISED'>('ALL');
  const [archived, setArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const canManage = hasPermission(useViewer().permissions, 'equipment:manage');
  const categories = useQuery(EquipmentCategoriesQuery);
  const { data, previousData, loading } = useQuery(EquipmentItemsQuery, {
    variables: { filter: { search: search.trim() || null, categoryId, kind: kind === 'ALL' ? null : kind, archived }, page: { limit: 200, offset: 0 } },
    fetchPolicy: 'cache-and-network',
  });
  const page = (data ?? previousData)?.equipmentItems;
  const categoryOptions = (categories.data?.equipmentCategories ?? []).map((c) => ({ value: c.id, label: c.parentId ? `— ${c.name}` : c.name }));
  return (
    <>
      <Group align="flex-end">
        <TextInput label={t('equipment.catalogue.search')} placeholder={t('equipment.catalogue.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} data-testid="equipment-search" />
        <Select label={t('equipment.fields.category')} data={categoryOptions} value={categoryId} onChange={setCategoryId} clearable data-testid="equipment-category-filter" />
        <SegmentedControl
          value={kind}
          onChange={(value) => setKind(value as typeof kind)}
          data={[
            { value: 'ALL', label: t('equipment.kind.ALL') },
            { value: 'BULK', label: t('equipment.kind.BULK') },
            { value: 'SERIALISED', label: t('equipment.kind.SERIALISED') },
          ]}
        />
        <Checkbox label={t('equipment.edit.showArchived')} checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} mb={8} data-testid="equipment-archived-filter" />
        {loading && <Loader size="xs" />}
        <Anchor href="/api/export/equipment-catalogue.xlsx">{t('equipment.catalogue.exportCatalogue')}</Anchor>
        <Anchor href="/api/export/equipment-stock.xlsx">{t('equipment.catalogue.exportStock')}</Anchor>
        {canManage && (
          <Button ml="auto" onClick={() => setCreating(true)} data-testid="equipment-new-item">
            {t('equipment.edit.newItem')}
          </Button>
        )}
      </Group>
      {creating && <ItemFormModal opened onClose={() => setCreating(false)} onSaved={(id) => (setCreating(false), void navigate(`/equipment/items/${id}`))} />}
      {page && (
        <Text size="sm" c="dimmed" data-testid="equipment-total">
          {t('equipment.catalogue.total', { count: page.total })}
        </Text>
      )}
      <Table striped data-testid="equipment-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('equipment.fields.code')}</Table.Th>
            <Table.Th>{t('equipment.fields.name')}</Table.Th>
            <Table.Th>{t('equipment.fields.category')}</Table.Th>
            <Table.Th>{t('equipment.fields.kind')}</Table.Th>
            <Table.Th>{t('equipment.fields.owned')}</Table.Th>
            <Table.Th>{t('equipment.fields.inRepair')}</Table.Th>
            <Table.Th>{t('equipment.fields.out')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {page?.items.map((item) => (
            <Table.Tr key={item.id} data-testid="equipment-row">
              <Table.Td>{item.code}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/equipment/items/${item.id}`}>
                  {item.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{item.categoryPath}</Table.Td>
              <Table.Td>{t(`equipment.kind.${item.kind}`)}</Table.Td>
              <Table.Td>{item.owned}</Table.Td>
              <Table.Td>{item.inRepair}</Table.Td>
              <Table.Td>{item.out}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
