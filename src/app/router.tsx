import {
  type ComponentType,
  isValidElement,
  lazy,
  type ReactElement,
  Suspense,
  useState,
} from 'react';
import { matchRoutes, Navigate, Outlet, type RouteObject, useRoutes } from 'react-router-dom';
import { appPaths } from '@/api/app-paths';
import { loadChosenCatalogue } from '@/lib/i18n/i18n';
import { useActiveSession } from '@/lib/session';
import { homePathFor } from './home-path';
import { LoginLayout } from './login-layout';
import { NotFound } from './not-found';
import { PagePreloadContext } from './page-preload';
import { RouteGuard } from './route-guard';
import { BootSpinner, SessionBoundary } from './session-boundary';

interface PageModule {
  Component: ComponentType;
}

/**
 * A page in its own chunk (QUAL-3): route modules export `Component`. A page
 * whose chunk loaded before its first render shows at once: React would
 * otherwise show the fallback and hold the page back for its reveal throttle
 * (300 ms in React 19), which is most of a phone's first paint budget.
 */
function lazyPage(load: () => Promise<PageModule>, words: 'first-screen' | 'all' = 'all') {
  let loaded: ComponentType | undefined;
  // Past the first screen a page needs every word, which the login page does not wait for.
  const preload = () =>
    Promise.all([load(), words === 'all' ? loadChosenCatalogue() : null]).then(([module]) => {
      loaded = module.Component;
      return { default: module.Component };
    });
  const Lazy = lazy(preload);
  function Page() {
    // Chosen once per mount: swapping the element type later would remount the page.
    const [Shown] = useState<ComponentType>(() => loaded ?? Lazy);
    return <Shown />;
  }
  return { element: <Page />, preload };
}

/** What loads a route's code, by the route's element, so the first page's can start early. */
const preloads = new WeakMap<ReactElement, () => Promise<unknown>>();

function withPreload(element: ReactElement, preload: () => Promise<unknown>): ReactElement {
  preloads.set(element, preload);
  return element;
}

function page(
  load: () => Promise<PageModule>,
  words: 'first-screen' | 'all' = 'all',
): ReactElement {
  const { element, preload } = lazyPage(load, words);
  return withPreload(element, preload);
}

/** The console frame is not needed to log in, so it loads after. */
const consoleFrame = lazyPage(() =>
  import('./console-layout').then((module) => ({ Component: module.ConsoleLayout })),
);

/** GUARD-2: a workspace reached by URL is entered on purpose before its pages show. */
const workspaceEntry = lazyPage(() => import('./routes/workspace-entry-route'));

/**
 * Loads the code of the page at `pathname` (and of its frame), so the app can
 * render it without a fallback once the session is known; resolves when it
 * has. `routes` is defined below; this runs only after the module has loaded.
 */
export async function preloadPageFor(pathname: string): Promise<void> {
  const matches = matchRoutes(routes, pathname) ?? [];
  await Promise.all(
    matches.map(({ route }) =>
      isValidElement(route.element) ? preloads.get(route.element)?.() : undefined,
    ),
  );
}

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

/** MOCK-8: the dev tools exist only in demo builds: the mock's and the demo server's. */
const devRoutes: RouteObject[] = !import.meta.env.DEMO_BUILD
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
        children: [
          { index: true, element: page(() => import('./routes/login-route'), 'first-screen') },
        ],
      },
      {
        // PASSWORD-2: for whoever is not signed in, also from the lockout emails.
        path: appPaths.passwordReset.pattern,
        element: (
          <RouteGuard requirement="login-page">
            <LoginLayout />
          </RouteGuard>
        ),
        children: [{ index: true, element: page(() => import('./routes/password-reset-route')) }],
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
        element: withPreload(
          <RouteGuard requirement="active">{consoleFrame.element}</RouteGuard>,
          consoleFrame.preload,
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
            element: withPreload(
              <RouteGuard requirement="member">{workspaceEntry.element}</RouteGuard>,
              workspaceEntry.preload,
            ),
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
  return (
    <PagePreloadContext.Provider value={preloadPageFor}>
      <Suspense fallback={<BootSpinner />}>{element}</Suspense>
    </PagePreloadContext.Provider>
  );
}
