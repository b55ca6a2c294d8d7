import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useViewer } from '../../auth/hooks/useViewer';
import { hasPermission } from '../../auth/utils/hasPermission';
import { CasesTab } from './CasesTab';
import { CatalogueTab } from './CatalogueTab';
import { CategoriesTab } from './CategoriesTab';
import { ImportTab } from './ImportTab';
import { LabelsTab } from './LabelsTab';
import { RepairRulesTab } from './RepairRulesTab';
import { RepairsTab } from './RepairsTab';

/** The store (`/equipment`): catalogue, repairs, routing rules, and for equipment:manage categories, cases, labels and import; the tab in the URL. */
export function EquipmentPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const canManage = hasPermission(viewer.permissions, 'equipment:manage');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'catalogue';
  return (
    <Stack data-testid="equipment-page">
      <Title order={2}>{t('equipment.title')}</Title>
      <Tabs value={tab} onChange={(next) => setParams(next && next !== 'catalogue' ? { tab: next } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="catalogue" data-testid="equipment-tab-catalogue">{t('equipment.tabs.catalogue')}</Tabs.Tab>
          <Tabs.Tab value="repairs" data-testid="equipment-tab-repairs">{t('equipment.tabs.repairs')}</Tabs.Tab>
          <Tabs.Tab value="rules" data-testid="equipment-tab-rules">{t('equipment.tabs.rules')}</Tabs.Tab>
          {canManage && <Tabs.Tab value="categories" data-testid="equipment-tab-categories">{t('equipment.tabs.categories')}</Tabs.Tab>}
          {canManage && <Tabs.Tab value="cases" data-testid="equipment-tab-cases">{t('equipment.tabs.cases')}</Tabs.Tab>}
          {canManage && <Tabs.Tab value="labels" data-testid="equipment-tab-labels">{t('equipment.tabs.labels')}</Tabs.Tab>}
          {canManage && <Tabs.Tab value="import" data-testid="equipment-tab-import">{t('equipment.tabs.import')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="catalogue" pt="md">
          <Stack>
            <CatalogueTab />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="repairs" pt="md">
          <RepairsTab />
        </Tabs.Panel>
        <Tabs.Panel value="rules" pt="md">
          <RepairRulesTab />
        </Tabs.Panel>
        {canManage && (
          <Tabs.Panel value="categories" pt="md">
            <CategoriesTab />
          </Tabs.Panel>
        )}
        {canManage && (
          <Tabs.Panel value="cases" pt="md">
            <CasesTab />
          </Tabs.Panel>
        )}
        {canManage && (
          <Tabs.Panel value="labels" pt="md">
            <LabelsTab />
          </Tabs.Panel>
        )}
        {canManage && (
          <Tabs.Panel value="import" pt="md">
            <ImportTab />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
