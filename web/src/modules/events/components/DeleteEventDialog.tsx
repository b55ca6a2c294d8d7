import { Button, Group, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useDeleteProductionEvent } from '../hooks/useDeleteProductionEvent';

export type DeleteEventDialogProps = {
  event: { id: string; title: string };
  opened: boolean;
  onClose: () => void;
};

/** Confirms moving the event to the trash (it can be restored). */
export function DeleteEventDialog({ event, opened, onClose }: DeleteEventDialogProps) {
  const { t } = useTranslation();
  const { deleteProductionEvent, loading } = useDeleteProductionEvent();

  async function confirm() {
    try {
      await deleteProductionEvent(event.id);
      notifications.show({ color: 'gray', message: t('events.trash.deletedNotice', { title: event.title }) });
      onClose();
    } catch (error) {
      notifications.show({ color: 'red', message: t('events.trash.deleteFailed', { message: (error as Error).message }) });
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('events.trash.confirmTitle')}>
      <Text size="sm">{t('events.trash.confirmBody', { title: event.title })}</Text>
      <Group justify="flex-end" gap="xs" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('events.cancel')}
        </Button>
        <Button color="red" loading={loading} onClick={() => void confirm()} data-testid="event-delete-confirm">
          {t('events.trash.delete')}
        </Button>
      </Group>
    </Modal>
  );
}
