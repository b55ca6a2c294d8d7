import { useQuery } from '@apollo/client/react';
import { Button, Group, Radio, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EquipmentCategoriesQuery } from '../graphql/catalogueQueries';

/** Label printing: a category (with its subcategories) on an A4 sheet, in one of two sizes. */
export function LabelsTab() {
  const { t } = useTranslation();
  const categories = useQuery(EquipmentCategoriesQuery);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [layout, setLayout] = useState('small');
  const href = categoryId ? `/api/labels.pdf?layout=${layout}&categoryId=${categoryId}` : undefined;
  return (
    <Stack maw={480}>
      <Text size="sm" c="dimmed">
        {t('equipment.labels.hint')}
      </Text>
      <Select
        label={t('equipment.fields.category')}
        data={(categories.data?.equipmentCategories ?? []).map((c) => ({ value: c.id, label: c.parentId ? `— ${c.name}` : c.name }))}
        value={categoryId}
        onChange={setCategoryId}
        data-testid="labels-category"
      />
      <Radio.Group label={t('equipment.labels.layout')} value={layout} onChange={setLayout}>
        <Group mt="xs">
          <Radio value="small" label={t('equipment.labels.small')} data-testid="labels-small" />
          <Radio value="large" label={t('equipment.labels.large')} data-testid="labels-large" />
        </Group>
      </Radio.Group>
      <Group>
        <Button component="a" href={href} download disabled={!href} data-testid="labels-download">
          {t('equipment.labels.download')}
        </Button>
      </Group>
    </Stack>
  );
}
