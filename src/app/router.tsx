import { createBrowserRouter, Navigate, type RouteObject } from 'react-router-dom';
import { useActiveSession } from '@/lib/session';
import { ConsoleLayout } from './console-layout';
import { homePathFor } from './home-path';
import { LoginLayout } from './login-layout';
import { NotFound } from './not-found';
import { RouteGuard } from './route-guard';
import { BootSpinner, SessionBoundary } from './session-boundary';

function Home() {
  return <Navigate to={homePathFor(useActiveSession())} replace />;
}

/** MOCK-8: the dev tools exist only while the mock backend is on. */
const devRoutes: RouteObject[] = import.meta.env.VITE_API_BASE_URL
  ? []
  : [
      {
        path: 'dev',
        lazy: () => import('@/features/devtools/dev-layout'),
        children: [
          { index: true, lazy: () => import('@/features/devtools/dev-tools-page') },
          { path: 'mailbox', lazy: () => import('@/features/devtools/mailbox-page') },
        ],
      },
    ];

/** Each page is its own chunk (QUAL-3); layouts and guards load with the app. */
export const routes: RouteObject[] = [
  {
    element: <SessionBoundary />,
    HydrateFallback: BootSpinner,
    children: [
      {
        path: 'login',
        element: (
          <RouteGuard requirement="login-page">
            <LoginLayout />
          </RouteGuard>
        ),
        children: [{ index: true, lazy: () => import('./routes/login-route') }],
      },
      {
        element: (
          <RouteGuard requirement="active">
            <ConsoleLayout />
          </RouteGuard>
        ),
        children: [
          { index: true, element: <Home /> },
          { path: 'account', lazy: () => import('./routes/account-route') },
          { path: 'account/mfa/bind', lazy: () => import('@/features/mfa/bind-page') },
          { path: 'tickets', lazy: () => import('@/features/tickets/tickets-page') },
          { path: 'tickets/new', lazy: () => import('@/features/tickets/submit-ticket-page') },
          {
            path: 'tickets/:ticketId',
            lazy: () => import('@/features/tickets/ticket-detail-page'),
          },
          {
            path: 'w/:workspaceId',
            element: <RouteGuard requirement="member" />,
            children: [
              { index: true, lazy: () => import('@/features/workspace/workspace-home') },
              { path: 'members', lazy: () => import('@/features/workspace/members-page') },
            ],
          },
          {
            path: 'support',
            element: <RouteGuard requirement="agent" />,
            children: [
              { index: true, lazy: () => import('@/features/support/support-page') },
              {
                path: 'tickets/:ticketId',
                lazy: () => import('@/features/support/support-ticket-page'),
              },
            ],
          },
        ],
      },
      ...devRoutes,
      { path: '*', element: <NotFound /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
