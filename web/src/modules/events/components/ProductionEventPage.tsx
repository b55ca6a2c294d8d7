import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useProductionEvent } from '../hooks/useProductionEvent';
import { EventDatesProvider } from './EventDatesProvider';
import { EventLoadError } from './EventLoadError';
import { ProductionEventView } from './ProductionEventView';

/** The page of one event (`/events/:id`), kept live. */
export function ProductionEventPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { event, error, refetch } = useProductionEvent(id);

  if (!event && error) return <EventLoadError error={error} onRetry={() => void refetch()} />;
  if (!event) {
    return (
      <Center py="xl" aria-label={t('events.loading')}>
        <Loader />
      </Center>
    );
  }
  return (
    <EventDatesProvider>
      {/* A new id is a new page: no edit form or dialog carries over. */}
      <ProductionEventView key={event.id} event={event} />
    </EventDatesProvider>
  );
}
