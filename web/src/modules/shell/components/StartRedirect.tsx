import { Navigate } from 'react-router';
import { useViewer } from '../../auth/hooks/useViewer';
import { visibleNavigationItems } from '../utils/visibleNavigationItems';

/** `/` opens the first page the viewer may see: the dashboard with reports:read, otherwise the calendar for every shipped role. */
export function StartRedirect() {
  const viewer = useViewer();
  const [first] = visibleNavigationItems(viewer.permissions);
  return <Navigate to={first?.path ?? '/me'} replace />;
}
