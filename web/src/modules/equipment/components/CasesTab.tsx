import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Group, MultiSelect, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateEquipmentCaseMutation, EquipmentCasesQuery, SetEquipmentCaseUnitsMutation } from '../graphql/catalogueEditDocuments';
import { useItemOptions } from '../hooks/useItemOptions';
import { useUnitOptions } from '../hooks/useUnitOptions';
import { readEquipmentRefusal, refusalSummary } from '../utils/readEquipmentRefusal';

/** Cases for equipment:manage: create one with its units, change the units a case holds. */
export function CasesTab() {
  const { t } = useTranslation();
  const { data } = useQuery(EquipmentCasesQuery, { fetchPolicy: 'cache-and-network' });
  const [itemId, setItemId] = useState<string | null>(null);
  const unitOptions = useUnitOptions(itemId);
  const [createCase, creating] = useMutation(CreateEquipmentCaseMutation, { refetchQueries: ['EquipmentCases'] });
  const [name, setName] = useState('');
  const [picked, setPicked] = useState<Option[]>([]);
  const [failure, setFailure] = useState('');
  return (
    <Stack data-testid="cases-tab">
      {(data?.equipmentCases ?? []).map((found) => (
        <CaseCard key={found.id} caseId={found.id} name={found.name} units={found.units.map((u) => ({ value: u.id, label: `${u.item.name} · ${u.serial}` }))} />
      ))}
      <Card withBorder>
        <Title order={5} mb="xs">
          {t('equipment.cases.new')}
        </Title>
        <Group align="flex-end">
          <TextInput label={t('equipment.fields.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="case-name" />
          <SerialisedItemSelect value={itemId} onChange={setItemId} />
          <MultiSelect label={t('equipment.cases.units')} data={mergeOptions(unitOptions, picked)}
            value={picked.map((o) => o.value)}
            onChange={(ids) => setPicked(mergeOptions(unitOptions, picked).filter((o) => ids.includes(o.value)))} searchable miw={320} data-testid="case-units" />
          <Button
            disabled={!name.trim()}
            loading={creating.loading}
            data-testid="case-create"
            onClick={async () => {
              setFailure('');
              try {
                await createCase({ variables: { name: name.trim(), unitIds: picked.map((o) => o.value) } });
                setName('');
                setPicked([]);
              } catch (error) {
                setFailure(refusalSummary(readEquipmentRefusal(error), []));
              }
            }}
          >
            {t('equipment.edit.create')}
          </Button>
        </Group>
        {failure && (
          <Alert color="red" role="alert" mt="xs">
            {failure}
          </Alert>
        )}
      </Card>
    </Stack>
  );
}

type Option = { value: string; label: string };

/** Options of the item picked now plus the units already chosen, so a case can hold units of several items. */
function mergeOptions(options: Option[], kept: Option[]): Option[] {
  const seen = new Set(options.map((o) => o.value));
  return [...options, ...kept.filter((o) => !seen.has(o.value))];
}

function SerialisedItemSelect({ value, onChange }: { value: string | null; onChange(id: string | null): void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { items } = useItemOptions(search);
  const options = items.filter((item) => item.kind === 'SERIALISED').map((item) => ({ value: item.id, label: `${item.name} (${item.code})` }));
  return (
    <Select
      label={t('equipment.cases.unitsOf')}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      clearable
      data-testid="case-item"
    />
  );
}

type CaseCardProps = { caseId: string; name: string; units: Option[] };

function CaseCard({ caseId, name, units }: CaseCardProps) {
  const { t } = useTranslation();
  const unitIds = units.map((u) => u.value);
  const [picked, setPicked] = useState<Option[]>(units);
  const selected = picked.map((o) => o.value);
  const [itemId, setItemId] = useState<string | null>(null);
  const unitOptions = mergeOptions(useUnitOptions(itemId), picked);
  const [failure, setFailure] = useState('');
  const [setUnits, saving] = useMutation(SetEquipmentCaseUnitsMutation, { refetchQueries: ['EquipmentCases'] });
  const changed = selected.length !== unitIds.length || selected.some((id) => !unitIds.includes(id));
  return (
    <Card withBorder data-testid="case-card">
      <Text fw={600}>{name}</Text>
      <Group align="flex-end">
        <SerialisedItemSelect value={itemId} onChange={setItemId} />
        <MultiSelect label={t('equipment.cases.units')} data={unitOptions} value={selected} onChange={(ids) => setPicked(unitOptions.filter((o) => ids.includes(o.value)))} data-testid="case-card-units" searchable miw={320} />
        <Button
          disabled={!changed}
          data-testid="case-card-save"
          loading={saving.loading}
          onClick={async () => {
            setFailure('');
            try {
              await setUnits({ variables: { caseId, unitIds: selected } });
            } catch (error) {
              setFailure(refusalSummary(readEquipmentRefusal(error), []));
            }
          }}
        >
          {t('equipment.edit.save')}
        </Button>
      </Group>
      {failure && (
        <Alert color="red" role="alert" mt="xs">
          {failure}
        </Alert>
      )}
    </Card>
  );
}
