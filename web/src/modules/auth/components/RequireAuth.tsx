import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { MeQuery } from '../graphql/meQuery';
import { ViewerContext } from '../utils/viewerContext';

export type RequireAuthProps = {
  children: ReactNode;
};

/** Renders `children` for a signed-in viewer; sends anyone else to /login and back afterwards. */
export function RequireAuth({ children }: RequireAuthProps) {
  const location = useLocation();
  // Loaded by the bootstrap before routes render, so this reads the cache.
  const { data } = useQuery(MeQuery);
  const viewer = data?.me ?? null;

  if (!viewer) {
    const next = `${location.pathname}${location.search}${location.hash}`;
    const search = next === '/' ? '' : `?${new URLSearchParams({ next })}`;
    return <Navigate to={`/login${search}`} replace />;
  }
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}
