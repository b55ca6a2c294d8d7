import { useMutation, useQuery } from '@apollo/client/react';
import { ActionIcon, Alert, Button, Group, Select, Stack, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../../auth/hooks/useViewer';
import { hasPermission } from '../../auth/utils/hasPermission';
import { usePeopleOptions } from '../../calendar/hooks/usePeopleOptions';
import { EquipmentCategoriesQuery } from '../graphql/catalogueQueries';
import { RemoveRepairRuleMutation, RepairRulesQuery, SetRepairRuleMutation } from '../graphql/repairDocuments';

/** The routing table: (category, problem kind) → responsible person; empty = any. */
export function RepairRulesTab() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const canEdit = hasPermission(viewer.permissions, 'repair:manage') || hasPermission(viewer.permissions, 'settings:manage');
  const { data, refetch } = useQuery(RepairRulesQuery, { fetchPolicy: 'cache-and-network' });
  const categories = useQuery(EquipmentCategoriesQuery);
  const { options: people } = usePeopleOptions();
  const [setRule] = useMutation(SetRepairRuleMutation);
  const [removeRule] = useMutation(RemoveRepairRuleMutation);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [problemKind, setProblemKind] = useState('');
  const [responsibleId, setResponsibleId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const any = t('equipment.rules.any');
  return (
    <Stack>
      <Table data-testid="repair-rules">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('equipment.fields.category')}</Table.Th>
            <Table.Th>{t('equipment.rules.problemKind')}</Table.Th>
            <Table.Th>{t('equipment.repairs.responsible')}</Table.Th>
            {canEdit && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(data?.repairRules ?? []).map((rule) => (
            <Table.Tr key={rule.id}>
              <Table.Td>{rule.categoryName ?? any}</Table.Td>
              <Table.Td>{rule.problemKind ?? any}</Table.Td>
              <Table.Td>{rule.responsible.name}</Table.Td>
              {canEdit && (
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" aria-label={t('equipment.rules.remove')} onClick={async () => (await removeRule({ variables: { id: rule.id } }), void refetch())}>
                    ×
                  </ActionIcon>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canEdit && (
        <Group align="flex-end">
          <Select
            label={t('equipment.fields.category')}
            placeholder={any}
            clearable
            data={(categories.data?.equipmentCategories ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={categoryId}
            onChange={setCategoryId}
          />
          <TextInput label={t('equipment.rules.problemKind')} placeholder={any} value={problemKind} onChange={(e) => setProblemKind(e.currentTarget.value)} />
          <Select label={t('equipment.repairs.responsible')} data={people} value={responsibleId} onChange={setResponsibleId} searchable />
          <Button
            disabled={!responsibleId}
            onClick={async () => {
              setFailure(null);
              try {
                await setRule({ variables: { categoryId, problemKind: problemKind.trim() || null, responsibleId: responsibleId! } });
                await refetch();
              } catch (caught) {
                setFailure((caught as Error).message);
              }
            }}
          >
            {t('equipment.rules.save')}
          </Button>
        </Group>
      )}
      {failure && <Alert color="red">{failure}</Alert>}
    </Stack>
  );
}
