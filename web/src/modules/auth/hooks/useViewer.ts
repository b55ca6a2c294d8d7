import { useContext } from 'react';
import { ViewerContext, type Viewer } from '../utils/viewerContext';

/** The signed-in account; only for components rendered behind `RequireAuth`. */
export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer() used outside of <RequireAuth>');
  return viewer;
}
