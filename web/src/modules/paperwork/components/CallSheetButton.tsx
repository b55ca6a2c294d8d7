import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { callSheetUrl } from '../utils/callSheetUrl';

export type CallSheetButtonProps = {
  eventId: string;
};

/** Opens the event's printable call sheet (PDF) in a new tab. */
export function CallSheetButton({ eventId }: CallSheetButtonProps) {
  const { t, i18n } = useTranslation();
  return (
    <Button component="a" href={callSheetUrl(eventId, i18n.language)} target="_blank" rel="noopener" size="sm" variant="default" data-testid="event-call-sheet">
      {t('paperwork.callSheet')}
    </Button>
  );
}
