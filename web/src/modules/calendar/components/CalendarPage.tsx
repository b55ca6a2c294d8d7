import '@mantine/dates/styles.css';
import 'dayjs/locale/ru';
import type { CalendarRef, DateSelectInfo, DatesSetInfo } from '@fullcalendar/react';
import { Button, Group, Stack, Title } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useViewer } from '../../auth/hooks/useViewer';
import { hasPermission } from '../../auth/utils/hasPermission';
import { useAppInfo } from '../../company/hooks/useAppInfo';
import { useCalendarNotices } from '../hooks/useCalendarNotices';
import { useCalendarSearch } from '../hooks/useCalendarSearch';
import { useCanEditProductionEvent } from '../hooks/useCanEditProductionEvent';
import { useConflictToasts } from '../hooks/useConflictToasts';
import { PresenceAvatars } from '../../presence/components/PresenceAvatars';
import { usePresence } from '../../presence/hooks/usePresence';
import { useProductionEventsFeed } from '../hooks/useProductionEventsFeed';
import { useSaveCalendarDrag } from '../hooks/useSaveCalendarDrag';
import { addDays } from '../../events/utils/addDays';
import type {
  CalendarChange,
  CalendarConflict,
  CalendarFilter,
  CalendarProductionEvent,
  CalendarRange,
  CalendarViewName,
} from '../utils/calendarTypes';
import { firstDayOfWeek } from '../utils/firstDayOfWeek';
import { todayInTimeZone } from '../../events/utils/todayInTimeZone';
import { CalendarFilters } from './CalendarFilters';
import { CalendarToolbar } from './CalendarToolbar';
import { CreateProductionEventDialog } from './CreateProductionEventDialog';
import { ProductionCalendar } from './ProductionCalendar';

const phoneQuery = '(max-width: 767.98px)';

interface ShownPeriod {
  view: CalendarViewName;
  title: string;
  range: CalendarRange;
  /** A day inside the period, for the URL. */
  date: string;
}

/** The live, shared calendar of events (SPEC §1). */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const viewer = useViewer();
  const { timeZone, weekStart } = useAppInfo();
  const { search, setSearch } = useCalendarSearch();
  const calendarRef = useRef<CalendarRef | null>(null);
  const pageRef = useRef<HTMLDivElement | null>(null);
  const canEdit = useCanEditProductionEvent();
  const canCreate = hasPermission(viewer.permissions, 'event:create');
  const { showConflicts } = useCalendarNotices();

  // Read once: later the calendar leads and the URL follows it.
  const [initial] = useState(() => ({
    view: search.view ?? (window.matchMedia(phoneQuery).matches ? 'listWeek' : 'dayGridMonth'),
    date: search.date ?? undefined,
  }));
  const [period, setPeriod] = useState<ShownPeriod | null>(null);
  const [dialog, setDialog] = useState<{ opened: boolean; range: CalendarRange | null }>({
    opened: false,
    range: null,
  });

  const filter: CalendarFilter = useMemo(
    () => ({
      confirmedOnly: search.confirmedOnly,
      mine: search.mine,
      statuses: search.statuses,
      managerId: search.managerId,
      clientId: search.clientId,
      personId: search.personId,
    }),
    [search.confirmedOnly, search.mine, search.statuses, search.managerId, search.clientId, search.personId],
  );

  const markReceived = useCallback((changes: readonly CalendarChange[]) => {
    const last = changes.at(-1);
    if (last && pageRef.current) pageRef.current.dataset['liveSeq'] = String(last.seq);
  }, []);

  const feed = useProductionEventsFeed({
    calendarRef,
    filter,
    viewerId: viewer.id,
    canEdit,
    onReceived: markReceived,
  });
  const drag = useSaveCalendarDrag({ gate: feed.gate, showEvent: feed.showEvent });
  const eventSources = useMemo(() => [feed.eventSource], [feed.eventSource]);
  const presence = usePresence('calendar', dialog.opened);
  useConflictToasts(hasPermission(viewer.permissions, 'crew:assign'));

  // Events with a show day in the loaded window (the days the view shows).
  const loadedCount = useSyncExternalStore(feed.bars.subscribe, feed.bars.count);
  const eventCount = period ? loadedCount : null;

  const handleDatesSet = useCallback(
    (info: DatesSetInfo) => {
      const api = info.view.calendar;
      const range = { from: info.startStr.slice(0, 10), to: addDays(info.endStr.slice(0, 10), -1) };
      const view = info.view.type as CalendarViewName;
      const date = api.formatIso(info.view.currentStart, true).slice(0, 10);
      setPeriod({ view, title: info.view.title, range, date });
    },
    [],
  );

  // The URL follows the calendar's navigation (after render: FullCalendar reports it while mounting).
  useEffect(() => {
    if (!period) return;
    if (search.view === period.view && search.date === period.date) return;
    // A click elsewhere may already have changed the browser's URL while the router still renders
    // this page (a transition): writing the URL now would pull the browser back to the calendar.
    if (window.location.pathname !== pathname) return;
    setSearch({ view: period.view, date: period.date }, { replace: true });
  }, [period, search.view, search.date, setSearch, pathname]);

  const handleSelectDays = useCallback((info: DateSelectInfo) => {
    setDialog({
      opened: true,
      range: { from: info.startStr.slice(0, 10), to: addDays(info.endStr.slice(0, 10), -1) },
    });
  }, []);

  const handleOpenEvent = useCallback((eventId: string) => navigate(`/events/${eventId}`), [navigate]);

  function closeDialog() {
    setDialog((current) => ({ ...current, opened: false }));
    calendarRef.current?.getApi().unselect();
  }

  function handleCreated(event: CalendarProductionEvent, conflicts: CalendarConflict[]) {
    closeDialog();
    feed.showEvent(event);
    if (conflicts.length > 0) showConflicts(conflicts);
  }

  const api = () => calendarRef.current?.getApi();

  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: firstDayOfWeek(weekStart) }}>
      <Stack gap="sm" ref={pageRef} data-testid="calendar-page">
        <Group justify="space-between" align="center">
          <Title order={2}>{t('calendar.title')}</Title>
          <Group gap="md">
            <PresenceAvatars people={presence} />
            {canCreate && (
              <Button
                onClick={() => {
                  const today = todayInTimeZone(timeZone);
                  setDialog({ opened: true, range: { from: today, to: today } });
                }}
                data-testid="calendar-new-event"
              >
                {t('calendar.newEvent')}
              </Button>
            )}
          </Group>
        </Group>
        <CalendarFilters filter={filter} onChange={(changes) => setSearch(changes)} />
        <CalendarToolbar
          title={period?.title ?? ''}
          view={period?.view ?? initial.view}
          eventCount={eventCount}
          onPrev={() => api()?.prev()}
          onNext={() => api()?.next()}
          onToday={() => api()?.today()}
          onView={(view) => api()?.changeView(view)}
        />
        <ProductionCalendar
          calendarRef={calendarRef}
          eventSources={eventSources}
          initialView={initial.view}
          initialDate={initial.date}
          timeZone={timeZone}
          weekStart={weekStart}
          language={i18n.language}
          selectable={canCreate}
          drag={drag}
          onDatesSet={handleDatesSet}
          bars={feed.bars}
          onSelectDays={handleSelectDays}
          onOpenEvent={handleOpenEvent}
        />
        <CreateProductionEventDialog
          opened={dialog.opened}
          initialRange={dialog.range}
          viewerId={viewer.id}
          canCreateClient={hasPermission(viewer.permissions, 'client:manage')}
          onClose={closeDialog}
          onCreated={handleCreated}
        />
      </Stack>
    </DatesProvider>
  );
}
