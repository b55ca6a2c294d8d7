import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../company/hooks/useAppInfo';
import { useCrewSchedule } from '../hooks/useCrewSchedule';
import { PresenceAvatars } from '../../presence/components/PresenceAvatars';
import { usePresence } from '../../presence/hooks/usePresence';
import { crewSchedulePresenceScope } from '../utils/crewSchedulePresenceScope';
import { useCrewScheduleRoles } from '../hooks/useCrewScheduleRoles';
import { useCrewScheduleSearch } from '../hooks/useCrewScheduleSearch';
import type { SchedulePeriod } from '../utils/crewScheduleTypes';
import { formatDayRange } from '../utils/formatDayRange';
import { periodEnd } from '../utils/periodEnd';
import { shiftPeriod } from '../utils/shiftPeriod';
import { startOfWeek } from '../utils/startOfWeek';
import { todayInTimeZone } from '../../events/utils/todayInTimeZone';
import { CrewScheduleGrid } from './CrewScheduleGrid';
import { CrewScheduleLegend } from './CrewScheduleLegend';
import { CrewScheduleToolbar } from './CrewScheduleToolbar';

const dayWidths: Record<SchedulePeriod, string> = {
  week: '7rem',
  'two-weeks': '4rem',
  month: '2.75rem',
};

/** The staff schedule: who works where, day by day, live. */
export function CrewSchedulePage() {
  const { t, i18n } = useTranslation();
  const { timeZone, weekStart } = useAppInfo();
  const { search, setSearch } = useCrewScheduleSearch();
  const today = todayInTimeZone(timeZone);
  const start = search.start ?? startOfWeek(today, weekStart);
  const end = periodEnd(start, search.period);
  const { rows, loading, error, refetch } = useCrewSchedule(start, end, search.crewRoleId);
  const { roles } = useCrewScheduleRoles();
  const present = usePresence(crewSchedulePresenceScope);

  return (
    <Stack data-testid="crew-schedule-page">
      <Group justify="space-between" align="center" wrap="wrap">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('crewSchedule.title')}</Title>
          <Text c="dimmed" data-testid="crew-schedule-period-label">
            {formatDayRange(start, end, i18n.language)}
          </Text>
          {loading && <Loader size="xs" aria-label={t('crewSchedule.loading')} />}
        </Group>
        <PresenceAvatars people={present} testId="crew-schedule-presence" />
      </Group>
      <CrewScheduleToolbar
        start={start}
        period={search.period}
        crewRoleId={search.crewRoleId}
        roles={roles}
        weekStart={weekStart}
        onChange={setSearch}
        onPrevious={() => setSearch({ start: shiftPeriod(start, search.period, -1) })}
        onNext={() => setSearch({ start: shiftPeriod(start, search.period, 1) })}
        onThisWeek={() => setSearch({ start: null })}
      />
      {error && (
        <Alert color="red" role="alert">
          {t('crewSchedule.loadFailed', { message: error.message })}{' '}
          <Button size="compact-xs" variant="white" color="red" onClick={() => void refetch()}>
            {t('app.retry')}
          </Button>
        </Alert>
      )}
      {rows && <CrewScheduleGrid rows={rows} from={start} to={end} today={today} dayWidth={dayWidths[search.period]} />}
      <CrewScheduleLegend />
    </Stack>
  );
}
