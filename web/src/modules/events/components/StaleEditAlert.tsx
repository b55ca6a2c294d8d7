import { Alert, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaleEditConflict } from '../utils/readStaleEditConflict';

export type StaleEditAlertProps = {
  conflict: StaleEditConflict;
};

/**
 * A save refused because someone else changed the same fields first: who, which fields, and
 * that the form now shows their values. Scrolled into view, since the save button that caused
 * it is at the bottom of a long form.
 */
export function StaleEditAlert({ conflict }: StaleEditAlertProps) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [conflict]);

  const list = new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' });
  const names = conflict.changedBy.length > 0 ? list.format(conflict.changedBy) : t('events.someoneElse');
  const fields = list.format([
    ...new Set(conflict.conflictingFields.map((field) => t(`events.staleEdit.field.${field}`, { defaultValue: field }))),
  ]);
  return (
    <Alert ref={ref} color="orange" role="alert" title={t('events.staleEdit.title')} data-testid="event-edit-conflict">
      <Text size="sm">{t('events.staleEdit.body', { names, fields })}</Text>
    </Alert>
  );
}
