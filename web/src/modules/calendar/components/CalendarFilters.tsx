import { Button, Collapse, Group, MultiSelect, Select, Switch } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { usePeopleOptions } from '../hooks/usePeopleOptions';
import type { CalendarFilter, ProductionEventStatus } from '../utils/calendarTypes';
import { emptyCalendarFilter } from '../utils/emptyCalendarFilter';
import { productionEventStatuses } from '../utils/productionEventStatuses';
import { ClientSelect } from './ClientSelect';

export type CalendarFiltersProps = {
  filter: CalendarFilter;
  onChange: (changes: Partial<CalendarFilter>) => void;
};

function activeFilterCount(filter: CalendarFilter): number {
  return (Object.keys(emptyCalendarFilter) as (keyof CalendarFilter)[]).filter((key) => {
    const value = filter[key];
    return Array.isArray(value) ? value.length > 0 : Boolean(value);
  }).length;
}

/**
 * Confirmed only, mine, statuses, manager, client and person — each kept in the URL. On a phone
 * they fold behind a button so the calendar stays in view.
 */
export function CalendarFilters({ filter, onChange }: CalendarFiltersProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const [opened, { toggle }] = useDisclosure(false);
  const active = activeFilterCount(filter);
  const { options: people } = usePeopleOptions();
  const statusOptions = productionEventStatuses.map((status) => ({
    value: status,
    label: t(`calendar.status.${status}`),
  }));

  const fields = (
    <Group align="flex-end" gap="sm" data-testid="calendar-filters">
      <Group gap="md" pb={8}>
        <Switch
          label={t('calendar.filter.confirmedOnly')}
          checked={filter.confirmedOnly}
          onChange={(event) => onChange({ confirmedOnly: event.currentTarget.checked })}
          data-testid="filter-confirmed"
        />
        <Switch
          label={t('calendar.filter.mine')}
          checked={filter.mine}
          onChange={(event) => onChange({ mine: event.currentTarget.checked })}
          data-testid="filter-mine"
        />
      </Group>
      <MultiSelect
        label={t('calendar.filter.statuses')}
        placeholder={filter.statuses.length === 0 ? t('calendar.filter.any') : undefined}
        data={statusOptions}
        value={filter.statuses}
        onChange={(statuses) => onChange({ statuses: statuses as ProductionEventStatus[] })}
        clearable
        w={phone ? '100%' : 220}
        data-testid="filter-statuses"
      />
      <Select
        label={t('calendar.filter.manager')}
        placeholder={t('calendar.filter.any')}
        data={people}
        value={filter.managerId || null}
        onChange={(managerId) => onChange({ managerId: managerId ?? '' })}
        searchable
        clearable
        w={phone ? '100%' : 180}
        data-testid="filter-manager"
      />
      <ClientSelect
        label={t('calendar.filter.client')}
        placeholder={t('calendar.filter.any')}
        value={filter.clientId || null}
        onChange={(clientId) => onChange({ clientId: clientId ?? '' })}
        w={phone ? '100%' : 180}
        data-testid="filter-client"
      />
      <Select
        label={t('calendar.filter.person')}
        placeholder={t('calendar.filter.any')}
        data={people}
        value={filter.personId || null}
        onChange={(personId) => onChange({ personId: personId ?? '' })}
        searchable
        clearable
        w={phone ? '100%' : 180}
        data-testid="filter-person"
      />
      {active > 0 && (
        <Button variant="subtle" onClick={() => onChange(emptyCalendarFilter)} data-testid="filter-clear">
          {t('calendar.filter.clear')}
        </Button>
      )}
    </Group>
  );

  if (!phone) return fields;
  return (
    <>
      <Button
        variant="default"
        size="xs"
        onClick={toggle}
        aria-expanded={opened}
        style={{ alignSelf: 'flex-start' }}
        data-testid="filter-toggle"
      >
        {t('calendar.filter.toggle', { count: active })}
      </Button>
      <Collapse expanded={opened}>{fields}</Collapse>
    </>
  );
}
