import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorCode } from '../../../graphql/getErrorCode';
import { getFieldErrors } from '../../../graphql/getFieldErrors';
import { buildEventUpdateInput } from '../utils/buildEventUpdateInput';
import type { CrewConflict, EventFormField, EventFormValues, ProductionEvent } from '../utils/productionEventTypes';
import { readBlockedBookings } from '../utils/readBlockedBookings';
import { readStaleEditConflict, type StaleEditConflict } from '../utils/readStaleEditConflict';
import { rebaseEventForm } from '../utils/rebaseEventForm';
import { toEventFormField } from '../utils/toEventFormField';
import { toEventFormValues } from '../utils/toEventFormValues';
import {
  maxEventDays,
  maxNotesLength,
  maxPrepOrReturnDays,
  maxProblemNoteLength,
  maxTitleLength,
  validateEventForm,
  type EventFormProblem,
} from '../utils/validateEventForm';
import { useReadCurrentEvent } from './useReadCurrentEvent';
import { useUpdateProductionEvent } from './useUpdateProductionEvent';

export type EventFormErrors = Partial<Record<EventFormField, string>>;

/** One opening of the edit form: what it was opened with and what the person typed since. */
interface EditSession {
  /** The values and version read when the form opened (or after a refused stale edit). */
  opened: EventFormValues;
  version: number;
  values: EventFormValues;
  errors: EventFormErrors;
  /** Set when the last save was refused because someone else changed the same fields. */
  staleConflict: StaleEditConflict | null;
  /** Set when the last save would double-book someone under the BLOCK policy. */
  blockedBookings: CrewConflict[] | null;
  formError: string | null;
}

const maxLengthOf: Partial<Record<EventFormField, number>> = {
  title: maxTitleLength,
  notes: maxNotesLength,
  problemNote: maxProblemNoteLength,
};

/**
 * The edit form of an event: validation as the server does it, a save that sends only the
 * changed fields with the version read when the form opened (so edits of other fields made
 * meanwhile merge on the server), and the outcomes a save can have — field errors, a stale
 * edit of a field someone else changed (the form then shows their value), or a double booking
 * refused under BLOCK (saved again with a reason).
 */
export function useEventEditor(event: ProductionEvent, cutoverHour: number) {
  const { t } = useTranslation();
  const readCurrentEvent = useReadCurrentEvent();
  const { updateProductionEvent, loading: saving } = useUpdateProductionEvent();
  const [session, setSession] = useState<EditSession | null>(null);

  function problemMessage(field: EventFormField, problem: EventFormProblem): string {
    return t(`events.validation.${problem}`, {
      max: maxLengthOf[field] ?? 0,
      days: maxEventDays,
      maxDays: maxPrepOrReturnDays,
      cutover: `${String(cutoverHour).padStart(2, '0')}:00`,
    });
  }

  function open() {
    const opened = toEventFormValues(event);
    setSession({
      opened,
      version: event.version,
      values: opened,
      errors: {},
      staleConflict: null,
      blockedBookings: null,
      formError: null,
    });
  }

  function close() {
    setSession(null);
  }

  function setValue<Field extends EventFormField>(field: Field, value: EventFormValues[Field]) {
    setSession((current) =>
      current && {
        ...current,
        values: { ...current.values, [field]: value },
        errors: { ...current.errors, [field]: undefined },
      },
    );
  }

  async function save(overrideReason?: string) {
    if (!session) return;
    const problems = validateEventForm(session.values, cutoverHour);
    const errors: EventFormErrors = {};
    for (const [field, problem] of Object.entries(problems) as Array<[EventFormField, EventFormProblem]>) {
      errors[field] = problemMessage(field, problem);
    }
    if (Object.keys(errors).length > 0) {
      setSession({ ...session, errors });
      return;
    }
    const input = buildEventUpdateInput(session.opened, session.values);
    if (Object.keys(input).length === 0) {
      close();
      return;
    }
    try {
      await updateProductionEvent(event.id, session.version, input, overrideReason);
      notifications.show({ color: 'green', message: t('events.edit.saved') });
      close();
    } catch (error) {
      await handleSaveError(session, error);
    }
  }

  async function handleSaveError(failed: EditSession, error: unknown) {
    const stale = readStaleEditConflict(error);
    if (stale) {
      const current = await readCurrentEvent(event.id).catch(() => undefined);
      if (!current) {
        setSession({ ...failed, staleConflict: stale, blockedBookings: null });
        return;
      }
      const now = toEventFormValues(current);
      setSession({
        opened: now,
        version: current.version,
        values: rebaseEventForm(failed.values, failed.opened, now, stale.conflictingFields),
        errors: {},
        staleConflict: stale,
        blockedBookings: null,
        formError: null,
      });
      return;
    }
    const blocked = readBlockedBookings(error);
    if (blocked) {
      setSession({ ...failed, blockedBookings: blocked, staleConflict: null, formError: null });
      return;
    }
    if (getErrorCode(error) === 'BAD_USER_INPUT') {
      const errors: EventFormErrors = {};
      const unplaced: string[] = [];
      for (const [serverField, message] of Object.entries(getFieldErrors(error))) {
        const field = toEventFormField(serverField);
        if (field) errors[field] = errors[field] ?? message;
        else unplaced.push(message);
      }
      setSession({
        ...failed,
        errors,
        blockedBookings: null,
        formError: unplaced.length > 0 ? t('events.edit.failed', { message: unplaced.join('; ') }) : null,
      });
      return;
    }
    setSession({
      ...failed,
      blockedBookings: null,
      formError: t('events.edit.failed', { message: (error as Error).message }),
    });
  }

  return {
    isOpen: session !== null,
    values: session?.values,
    errors: session?.errors ?? {},
    staleConflict: session?.staleConflict ?? null,
    blockedBookings: session?.blockedBookings ?? null,
    formError: session?.formError ?? null,
    /** Someone saved this event since the form opened; different fields will merge. */
    changedSinceOpened: session !== null && event.version > session.version,
    saving,
    open,
    close,
    setValue,
    save,
  };
}

export type EventEditor = ReturnType<typeof useEventEditor>;
