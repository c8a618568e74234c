import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '@/lib/session';
import { useSessionEnd } from '@/lib/session-end';
import { decide, type Requirement } from './guard';

/** Renders its children (or the child routes) only when the session meets the requirement; otherwise redirects. */
export function RouteGuard({
  requirement,
  children,
}: {
  requirement: Requirement;
  children?: ReactNode;
}) {
  const { data: session } = useSession();
  const location = useLocation();
  const reason = useSessionEnd((state) => state.reason);
  const destination = useSessionEnd((state) => state.destination);
  // The login page paints before the session is known (SessionBoundary); any other waits.
  if (!session) return requirement === 'login-page' ? <>{children ?? <Outlet />}</> : null;
  const decision = decide(session, requirement, location, { reason, destination });
  if (!decision.allow) return <Navigate to={decision.redirectTo} replace />;
  return <>{children ?? <Outlet />}</>;
}
