import { PlaceholderPage } from '../../shell/components/PlaceholderPage';

/** Being built: see issue 4. */
export function CrewSchedulePage() {
  return <PlaceholderPage titleKey="nav.crewSchedule" />;
}
