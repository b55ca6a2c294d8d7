import { Tooltip, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlacedScheduleEntry } from '../utils/layoutScheduleRow';
import { daysBetween } from '../../events/utils/daysBetween';
import { formatDayRange } from '../utils/formatDayRange';
import { statusColor } from '../../events/utils/statusColor';
import classes from './CrewScheduleGrid.module.css';

export type CrewScheduleEntryLinkProps = {
  placed: PlacedScheduleEntry;
  personId: string;
  /** First grid row of the person's block. */
  row: number;
};

/** One person's work on one event: a bar over its days, coloured by status, linking to the event. */
export function CrewScheduleEntryLink({ placed, personId, row }: CrewScheduleEntryLinkProps) {
  const { t, i18n } = useTranslation();
  const { entry, column, span, lane } = placed;
  const { event } = entry;
  const color = statusColor(event.status);
  const days = formatDayRange(entry.fromDate, entry.toDate, i18n.language);
  const status = t(`crewSchedule.status.${event.status}`);
  // Where the show days sit inside the bar, so prep and return days can be drawn lighter.
  const showFrom = Math.max(0, daysBetween(entry.fromDate, event.startDate));
  const showTo = Math.min(span, daysBetween(entry.fromDate, event.endDate) + 1);
  const style = {
    gridColumn: `${column + 2} / span ${span}`,
    gridRow: row + lane,
    '--entry-strong': `var(--mantine-color-${color}-filled)`,
    '--entry-light': `var(--mantine-color-${color}-light)`,
    '--entry-faint': `color-mix(in srgb, var(--mantine-color-${color}-light) 45%, transparent)`,
    '--show-from': `${(Math.min(showFrom, span) / span) * 100}%`,
    '--show-to': `${(Math.max(showTo, 0) / span) * 100}%`,
  } as CSSProperties;

  return (
    <Tooltip
      multiline
      w={260}
      withArrow
      openDelay={150}
      label={
        <>
          <Text size="sm" fw={600}>
            {event.title}
          </Text>
          <Text size="xs">{t('crewSchedule.entry.role', { role: entry.roleName })}</Text>
          <Text size="xs">{days}</Text>
          <Text size="xs">{status}</Text>
        </>
      }
    >
      <Link
        to={`/events/${event.id}`}
        className={classes.entry}
        style={style}
        aria-label={t('crewSchedule.entry.label', { title: event.title, role: entry.roleName, days, status })}
        data-testid="crew-schedule-entry"
        data-event-id={event.id}
        data-person-id={personId}
        data-from-date={entry.fromDate}
        data-to-date={entry.toDate}
        data-status={event.status}
        data-role-name={entry.roleName}
      >
        <span className={classes.entryTitle}>{event.title}</span>
      </Link>
    </Tooltip>
  );
}
