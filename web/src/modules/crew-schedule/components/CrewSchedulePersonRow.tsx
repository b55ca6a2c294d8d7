import { Badge, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CrewScheduleRow } from '../utils/crewScheduleTypes';
import { formatDayRange } from '../utils/formatDayRange';
import { isoWeekday } from '../utils/isoWeekday';
import type { ScheduleRowLayout } from '../utils/layoutScheduleRow';
import { CrewScheduleEntryLink } from './CrewScheduleEntryLink';
import classes from './CrewScheduleGrid.module.css';

export type CrewSchedulePersonRowProps = {
  row: CrewScheduleRow;
  layout: ScheduleRowLayout;
  /** The grid row the person's block starts on. */
  firstRow: number;
  days: readonly string[];
  today: string;
};

/** One person's block of the schedule: name, day cells, their entries and conflict outlines. */
export function CrewSchedulePersonRow({ row, layout, firstRow, days, today }: CrewSchedulePersonRowProps) {
  const { t, i18n } = useTranslation();
  const rows = `${firstRow} / span ${layout.lanes}`;
  const conflictDays = new Set(row.conflictDays);
  const visibleConflicts = days.filter((day) => conflictDays.has(day));

  return (
    <>
      <div
        className={classes.person}
        style={{ gridRow: rows, gridColumn: 1 }}
        data-testid="crew-schedule-person"
        data-person-id={row.person.id}
      >
        <Text size="sm" truncate="end" title={row.person.name}>
          {row.person.name}
        </Text>
        {visibleConflicts.length > 0 && (
          <Tooltip label={t('crewSchedule.conflictDays', { count: visibleConflicts.length })}>
            <Badge color="red" size="xs" variant="filled" circle aria-label={t('crewSchedule.conflictDays', { count: visibleConflicts.length })}>
              !
            </Badge>
          </Tooltip>
        )}
      </div>
      {days.map((day, index) => (
        <div
          key={day}
          className={classes.dayCell}
          style={{ gridRow: rows, gridColumn: index + 2 }}
          data-weekend={isoWeekday(day) >= 6 || undefined}
          data-today={day === today || undefined}
        />
      ))}
      {layout.entries.map((placed) => (
        <CrewScheduleEntryLink
          key={`${placed.entry.event.id}:${placed.entry.fromDate}`}
          placed={placed}
          personId={row.person.id}
          row={firstRow}
        />
      ))}
      {visibleConflicts.map((day) => (
        <div
          key={day}
          className={classes.conflict}
          style={{ gridRow: rows, gridColumn: days.indexOf(day) + 2 }}
          role="img"
          aria-label={t('crewSchedule.conflictOn', { name: row.person.name, day: formatDayRange(day, day, i18n.language) })}
          data-testid="crew-schedule-conflict"
          data-person-id={row.person.id}
          data-date={day}
        />
      ))}
    </>
  );
}
