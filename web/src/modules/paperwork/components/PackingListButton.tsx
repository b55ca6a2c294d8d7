import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { packingListUrl } from '../utils/callSheetUrl';

export type PackingListButtonProps = {
  eventId: string;
};

/** Opens the event's printable packing list (PDF) in a new tab. */
export function PackingListButton({ eventId }: PackingListButtonProps) {
  const { t, i18n } = useTranslation();
  return (
    <Button component="a" href={packingListUrl(eventId, i18n.language)} target="_blank" rel="noopener" size="sm" variant="default" data-testid="event-packing-list">
      {t('paperwork.packingList')}
    </Button>
  );
}
