import { Card, Grid, Group, Stack, Title } from '@mantine/core';
import { useViewer } from '../../auth/hooks/useViewer';
import { useEventCompanySettings } from '../hooks/useEventCompanySettings';
import { useEventEditor } from '../hooks/useEventEditor';
import { PresenceAvatars } from '../../presence/components/PresenceAvatars';
import { usePresence } from '../../presence/hooks/usePresence';
import { eventPresenceScope } from '../utils/eventPresenceScope';
import { getEventPermissions } from '../utils/getEventPermissions';
import type { ProductionEvent } from '../utils/productionEventTypes';
import { AcknowledgeAssignmentBanner } from './AcknowledgeAssignmentBanner';
import { EventActions } from './EventActions';
import { EventCrewSection } from './EventCrewSection';
import { EventEquipmentSection } from '../../equipment/components/EventEquipmentSection';
import { hasPermission } from '../../auth/utils/hasPermission';
import { EventDetails } from './EventDetails';
import { EventEditForm } from './EventEditForm';
import { EventProblemsList } from './EventProblemsList';
import { EventStatusBadge } from './EventStatusBadge';
import { EventStatusButtons } from './EventStatusButtons';
import { EventTrashBanner } from './EventTrashBanner';

export type ProductionEventViewProps = {
  event: ProductionEvent;
};

/** Everything on one loaded event: header, status, details or the edit form, problems, crew. */
export function ProductionEventView({ event }: ProductionEventViewProps) {
  const viewer = useViewer();
  const { cutoverHour } = useEventCompanySettings();
  const editor = useEventEditor(event, cutoverHour);
  const present = usePresence(eventPresenceScope(event.id), editor.isOpen);
  const permissions = getEventPermissions(viewer, event);
  const myPlace = event.crew.find((member) => member.person.id === viewer.id);
  const editing = editor.isOpen && permissions.canEdit;

  return (
    <Stack gap="md" data-testid="event-page" data-event-id={event.id} data-version={event.version}>
      <EventTrashBanner event={event} canRestore={permissions.canDelete} />
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap="xs">
          <Group gap="sm">
            <Title order={2} data-testid="event-title">
              {event.title}
            </Title>
            <EventStatusBadge status={event.status} />
          </Group>
          <PresenceAvatars people={present} testId="event-presence" />
        </Stack>
        <EventActions event={event} permissions={permissions} editing={editing} onEdit={editor.open} canSeeGear={hasPermission(viewer.permissions, 'equipment:read')} />
      </Group>
      {permissions.canAcknowledge && myPlace && <AcknowledgeAssignmentBanner eventId={event.id} member={myPlace} />}
      {permissions.canEdit && <EventStatusButtons event={event} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Card withBorder>
              {editing && editor.values ? (
                <EventEditForm event={event} editor={editor} values={editor.values} cutoverHour={cutoverHour} />
              ) : (
                <EventDetails event={event} />
              )}
            </Card>
            <EventProblemsList problems={event.problems} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <EventCrewSection event={event} permissions={permissions} />
            {hasPermission(viewer.permissions, 'equipment:read') && <EventEquipmentSection event={event} canEdit={permissions.canEdit} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
