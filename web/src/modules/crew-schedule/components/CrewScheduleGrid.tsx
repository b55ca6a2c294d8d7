import { Text } from '@mantine/core';
import { useMemo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { createDayHeaderFormatter } from '../utils/createDayHeaderFormatter';
import type { CrewScheduleRow } from '../utils/crewScheduleTypes';
import { isoWeekday } from '../utils/isoWeekday';
import { layoutScheduleRow } from '../utils/layoutScheduleRow';
import { listDays } from '../utils/listDays';
import { CrewSchedulePersonRow } from './CrewSchedulePersonRow';
import classes from './CrewScheduleGrid.module.css';

export type CrewScheduleGridProps = {
  rows: readonly CrewScheduleRow[];
  from: string;
  to: string;
  today: string;
  /** Minimum width of a day column, e.g. "6rem" for a week. */
  dayWidth: string;
};

/**
 * The schedule table as one CSS grid: a heading row of days, then for every person a block of
 * as many rows (lanes) as they have overlapping entries. Scrolls both ways inside its frame with
 * the names and the day headings kept in view.
 */
export function CrewScheduleGrid({ rows, from, to, today, dayWidth }: CrewScheduleGridProps) {
  const { t, i18n } = useTranslation();
  const days = useMemo(() => listDays(from, to), [from, to]);
  const formatHeading = useMemo(() => createDayHeaderFormatter(i18n.language), [i18n.language]);
  const layouts = useMemo(() => rows.map((row) => layoutScheduleRow(row.entries, from, to)), [rows, from, to]);

  let nextRow = 2;
  const blocks = rows.map((row, index) => {
    const layout = layouts[index]!;
    const firstRow = nextRow;
    nextRow += layout.lanes;
    return { row, layout, firstRow };
  });

  return (
    <div className={classes.scroller} role="region" aria-label={t('crewSchedule.gridLabel')} tabIndex={0}>
      <div
        className={classes.grid}
        style={{ '--day-count': days.length, '--day-width': dayWidth } as CSSProperties}
        data-testid="crew-schedule-grid"
        data-from={from}
        data-to={to}
      >
        <div className={classes.corner} style={{ gridRow: 1, gridColumn: 1 }}>
          <Text size="xs" c="dimmed">
            {t('crewSchedule.person')}
          </Text>
        </div>
        {days.map((day, index) => {
          const heading = formatHeading(day);
          const showMonth = index === 0 || heading.day === '1';
          return (
            <div
              key={day}
              className={classes.dayHeading}
              style={{ gridRow: 1, gridColumn: index + 2 }}
              data-testid="crew-schedule-day"
              data-date={day}
              data-weekend={isoWeekday(day) >= 6 || undefined}
              data-today={day === today || undefined}
              title={heading.long}
            >
              <span>{heading.weekday}</span>
              <span>
                <strong>{heading.day}</strong>
                {showMonth && ` ${heading.month}`}
              </span>
            </div>
          );
        })}
        {blocks.map(({ row, layout, firstRow }) => (
          <CrewSchedulePersonRow
            key={row.person.id}
            row={row}
            layout={layout}
            firstRow={firstRow}
            days={days}
            today={today}
          />
        ))}
      </div>
      {rows.length === 0 && (
        <Text c="dimmed" p="md" data-testid="crew-schedule-empty">
          {t('crewSchedule.empty')}
        </Text>
      )}
    </div>
  );
}
