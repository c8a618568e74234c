import { type ReactNode, useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSessionEnd } from '@/features/auth/session-end';
import { useSession } from '@/lib/session';
import { decide, type Requirement } from './guard';
import { usePagePreload } from './page-preload';

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
  if (!decision.allow) return <NavigateOnceLoaded to={decision.redirectTo} />;
  return <>{children ?? <Outlet />}</>;
}

/**
 * Redirects once the destination's code has loaded, so the page shows whole
 * at once: a page that suspended on arrival would show a spinner first, and
 * React holds the revealed page back for a further 300 ms.
 */
function NavigateOnceLoaded({ to }: { to: string }) {
  const preload = usePagePreload();
  const [loaded, setLoaded] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    const [pathname = to] = to.split(/[?#]/);
    // A chunk that fails to load here fails again, and is reported, where the page loads it.
    void preload(pathname)
      .catch(() => undefined)
      .then(() => {
        if (current) setLoaded(to);
      });
    return () => {
      current = false;
    };
  }, [to, preload]);
  return loaded === to ? <Navigate to={to} replace /> : null;
}
