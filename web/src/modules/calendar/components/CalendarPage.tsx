import { PlaceholderPage } from '../../shell/components/PlaceholderPage';

/** Being built: see issue 4. */
export function CalendarPage() {
  return <PlaceholderPage titleKey="nav.calendar" />;
}
