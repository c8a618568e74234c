import { type ComponentType, lazy, Suspense } from 'react';
import { Navigate, Outlet, type RouteObject, useRoutes } from 'react-router-dom';
import { useActiveSession } from '@/lib/session';
import { homePathFor } from './home-path';
import { LoginLayout } from './login-layout';
import { NotFound } from './not-found';
import { appPaths } from './paths';
import { RouteGuard } from './route-guard';
import { BootSpinner, SessionBoundary } from './session-boundary';

/** A page in its own chunk (QUAL-3): route modules export `Component`. */
function page(load: () => Promise<{ Component: ComponentType }>) {
  const Page = lazy(() => load().then((module) => ({ default: module.Component })));
  return <Page />;
}

/** The console frame is not needed to log in, so it loads after. */
const ConsoleLayout = lazy(() =>
  import('./console-layout').then((module) => ({ default: module.ConsoleLayout })),
);

function Home() {
  return <Navigate to={homePathFor(useActiveSession())} replace />;
}

/** Shows the page's spinner, not a blank screen, while a chunk loads. */
function Loading() {
  return (
    <Suspense fallback={<BootSpinner />}>
      <Outlet />
    </Suspense>
  );
}

/** MOCK-8: the dev tools exist only while the mock backend is on. */
const devRoutes: RouteObject[] = import.meta.env.VITE_API_BASE_URL
  ? []
  : [
      {
        path: appPaths.devTools.pattern,
        element: page(() => import('./routes/dev-layout-route')),
        children: [
          { index: true, element: page(() => import('./routes/dev-tools-route')) },
          {
            path: appPaths.devMailbox.pattern,
            element: page(() => import('./routes/mailbox-route')),
          },
        ],
      },
    ];

export const routes: RouteObject[] = [
  {
    element: <SessionBoundary />,
    children: [
      {
        path: appPaths.login.pattern,
        element: (
          <RouteGuard requirement="login-page">
            <LoginLayout />
          </RouteGuard>
        ),
        children: [{ index: true, element: page(() => import('./routes/login-route')) }],
      },
      {
        // TICKET-12: opened from an email, whoever is signed in here, or nobody.
        path: appPaths.unbindRequestCancel.pattern,
        element: <LoginLayout />,
        children: [
          { index: true, element: page(() => import('./routes/unbind-request-cancel-route')) },
        ],
      },
      {
        element: (
          <RouteGuard requirement="active">
            <ConsoleLayout />
          </RouteGuard>
        ),
        children: [
          { index: true, element: <Home /> },
          { path: appPaths.account.pattern, element: page(() => import('./routes/account-route')) },
          {
            path: appPaths.bindMfa.pattern,
            element: page(() => import('./routes/bind-mfa-route')),
          },
          {
            path: appPaths.changeAuthenticator.pattern,
            element: page(() => import('./routes/change-authenticator-route')),
          },
          { path: appPaths.tickets.pattern, element: page(() => import('./routes/tickets-route')) },
          {
            path: appPaths.submitTicket.pattern,
            element: page(() => import('./routes/submit-ticket-route')),
          },
          {
            path: appPaths.ticket.pattern,
            element: page(() => import('./routes/ticket-detail-route')),
          },
          {
            path: appPaths.workspace.pattern,
            element: <RouteGuard requirement="member" />,
            children: [
              { index: true, element: page(() => import('./routes/workspace-home-route')) },
              {
                path: appPaths.workspaceMembers.pattern,
                element: page(() => import('./routes/members-route')),
              },
              {
                path: appPaths.workspaceSecurity.pattern,
                element: page(() => import('./routes/workspace-security-route')),
              },
            ],
          },
          {
            path: appPaths.supportQueue.pattern,
            element: <RouteGuard requirement="agent" />,
            children: [
              { index: true, element: page(() => import('./routes/support-queue-route')) },
              {
                path: appPaths.supportTicket.pattern,
                element: page(() => import('./routes/support-ticket-route')),
              },
            ],
          },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
  // The dev tools need no session, and must work while the product API is switched off.
  ...devRoutes,
];

/**
 * The routes, in the declarative router: the data router's loaders and actions
 * are not used here, and leaving them out halves the router's share of the
 * first page (see docs/decisions/0010).
 */
export function AppRoutes() {
  const element = useRoutes([{ element: <Loading />, children: routes }]);
  return <Suspense fallback={<BootSpinner />}>{element}</Suspense>;
}
