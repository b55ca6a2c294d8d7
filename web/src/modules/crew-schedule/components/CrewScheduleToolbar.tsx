import '@mantine/dates/styles.css';
import 'dayjs/locale/ru';
import { ActionIcon, Button, Group, Input, SegmentedControl, Select } from '@mantine/core';
import { DatePickerInput, type DayOfWeek } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { schedulePeriods, type CrewScheduleSearch, type SchedulePeriod } from '../utils/crewScheduleTypes';

export type CrewScheduleToolbarProps = {
  start: string;
  period: SchedulePeriod;
  crewRoleId: string | null;
  roles: ReadonlyArray<{ id: string; name: string }>;
  /** Company week start, 1 = Monday … 7 = Sunday. */
  weekStart: number;
  onChange: (changes: Partial<CrewScheduleSearch>) => void;
  onPrevious: () => void;
  onNext: () => void;
  onThisWeek: () => void;
};

/** Period (length and first day, with previous / next) and the crew role filter. */
export function CrewScheduleToolbar({
  start,
  period,
  crewRoleId,
  roles,
  weekStart,
  onChange,
  onPrevious,
  onNext,
  onThisWeek,
}: CrewScheduleToolbarProps) {
  const { t, i18n } = useTranslation();

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" data-testid="crew-schedule-toolbar">
      <Group gap={4} wrap="nowrap">
        <ActionIcon
          variant="default"
          size="lg"
          onClick={onPrevious}
          aria-label={t('crewSchedule.previous')}
          data-testid="crew-schedule-previous"
        >
          ‹
        </ActionIcon>
        <Button variant="default" onClick={onThisWeek} data-testid="crew-schedule-this-week">
          {t('crewSchedule.thisWeek')}
        </Button>
        <ActionIcon
          variant="default"
          size="lg"
          onClick={onNext}
          aria-label={t('crewSchedule.next')}
          data-testid="crew-schedule-next"
        >
          ›
        </ActionIcon>
      </Group>
      <DatePickerInput
        label={t('crewSchedule.start')}
        value={start}
        onChange={(value) => {
          if (value) onChange({ start: value.slice(0, 10) });
        }}
        locale={i18n.language}
        firstDayOfWeek={(weekStart % 7) as DayOfWeek}
        valueFormat="D MMM YYYY"
        allowDeselect={false}
        w={150}
        data-testid="crew-schedule-start"
      />
      <Input.Wrapper label={t('crewSchedule.periodLabel')} labelElement="div">
        <SegmentedControl
          display="flex"
          value={period}
          onChange={(value) => onChange({ period: value as SchedulePeriod })}
          aria-label={t('crewSchedule.periodLabel')}
          data={schedulePeriods.map((value) => ({ value, label: t(`crewSchedule.period.${value}`) }))}
          data-testid="crew-schedule-period"
        />
      </Input.Wrapper>
      <Select
        label={t('crewSchedule.crewRole')}
        placeholder={t('crewSchedule.allRoles')}
        data={roles.map((role) => ({ value: role.id, label: role.name }))}
        value={crewRoleId}
        onChange={(value) => onChange({ crewRoleId: value })}
        clearable
        w={200}
        data-testid="crew-schedule-role"
      />
    </Group>
  );
}
