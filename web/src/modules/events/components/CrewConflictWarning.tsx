import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CrewConflict } from '../utils/productionEventTypes';
import { CrewConflictText } from './CrewConflictText';

export type CrewConflictWarningProps = {
  conflicts: CrewConflict[];
  onClose: () => void;
};

/** Double bookings a change has just caused (saved anyway under WARN), with the other events linked. */
export function CrewConflictWarning({ conflicts, onClose }: CrewConflictWarningProps) {
  const { t } = useTranslation();
  return (
    <Alert
      color="yellow"
      title={t('events.conflict.warningTitle')}
      withCloseButton
      closeButtonLabel={t('events.close')}
      onClose={onClose}
      role="alert"
      data-testid="crew-conflict-warning"
    >
      <Stack gap={4}>
        {conflicts.map((conflict) => (
          <CrewConflictText key={`${conflict.person.id}:${conflict.otherEvent.id}`} conflict={conflict} />
        ))}
      </Stack>
    </Alert>
  );
}
