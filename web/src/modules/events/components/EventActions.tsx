import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { CallSheetButton } from '../../paperwork/components/CallSheetButton';
import { PackingListButton } from '../../paperwork/components/PackingListButton';
import type { EventPermissions } from '../utils/getEventPermissions';
import type { ProductionEvent } from '../utils/productionEventTypes';
import { DeleteEventDialog } from './DeleteEventDialog';
import { DuplicateEventDialog } from './DuplicateEventDialog';

export type EventActionsProps = {
  event: Pick<ProductionEvent, 'id' | 'title' | 'startDate' | 'endDate' | 'deletedAt'>;
  permissions: EventPermissions;
  editing: boolean;
  onEdit: () => void;
  /** The viewer may see gear (equipment:read): the packing list is offered. */
  canSeeGear?: boolean;
};

/** Edit, duplicate and delete, as far as the viewer may; the call sheet for everyone who sees the event, the packing list for those who see gear. */
export function EventActions({ event, permissions, editing, onEdit, canSeeGear = false }: EventActionsProps) {
  const { t } = useTranslation();
  const [duplicating, duplicateDialog] = useDisclosure(false);
  const [deleting, deleteDialog] = useDisclosure(false);

  return (
    <Group gap="xs">
      {permissions.canEdit && !editing && (
        <Button size="sm" onClick={onEdit} data-testid="event-edit">
          {t('events.edit.open')}
        </Button>
      )}
      {permissions.canDuplicate && (
        <Button size="sm" variant="default" onClick={duplicateDialog.open} data-testid="event-duplicate">
          {t('events.duplicate.open')}
        </Button>
      )}
      <CallSheetButton eventId={event.id} />
      {canSeeGear && <PackingListButton eventId={event.id} />}
      {permissions.canDelete && !event.deletedAt && (
        <Button size="sm" variant="light" color="red" onClick={deleteDialog.open} data-testid="event-delete">
          {t('events.trash.delete')}
        </Button>
      )}
      {duplicating && <DuplicateEventDialog event={event} opened onClose={duplicateDialog.close} />}
      <DeleteEventDialog event={event} opened={deleting} onClose={deleteDialog.close} />
    </Group>
  );
}
