import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export type EventLinkProps = {
  eventId: string;
  children: ReactNode;
};

/** A link to another event's page. */
export function EventLink({ eventId, children }: EventLinkProps) {
  return (
    <Anchor component={Link} to={`/events/${eventId}`} data-testid="event-link" data-event-id={eventId}>
      {children}
    </Anchor>
  );
}
