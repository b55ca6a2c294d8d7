import { PlaceholderPage } from '../../shell/components/PlaceholderPage';

/** Being built: see issue 4. */
export function ProductionEventPage() {
  return <PlaceholderPage titleKey="events.title" />;
}
