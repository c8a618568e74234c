import {
  collectJavaScript,
  LOGIN_HEADING,
  logIn,
  waitForHeading,
  waitForLoginForm,
} from './browser.mjs';

const OWNER_HOME_HEADING = 'Welcome to Demo Workspace';

/** SPEC 13's routes, each with the heading that says its page is drawn. */
export const ROUTES = [
  { path: '/login', heading: LOGIN_HEADING },
  { path: '/w/ws_demo', heading: OWNER_HOME_HEADING },
  { path: '/account', heading: 'Account Management' },
  { path: '/account/mfa/bind', heading: 'Verify your identity' },
  { path: '/w/ws_demo/members', heading: 'Members' },
  { path: '/w/ws_demo/settings/security', heading: 'Security' },
  { path: '/tickets', heading: 'Ticket Management' },
  { path: '/dev', heading: 'Dev tools' },
  { path: '/dev/mailbox', heading: 'Mailbox' },
];

export const loginFormShown = waitForLoginForm;
export const headingShown = (name) => (page) => waitForHeading(page, name);

/**
 * Initial JavaScript: every JS file a first visit downloads until `shown(page)`
 * resolves (for /login: the login form is visible). A fresh context has an
 * empty cache and no service worker.
 */
export async function measureInitialJs(browser, url, shown) {
  const context = await browser.newContext();
  try {
    const js = collectJavaScript(context);
    const page = await context.newPage();
    await page.goto(url);
    await shown(page);
    return await js.snapshot();
  } finally {
    await context.close();
  }
}

/** Forgets the HTTP cache and the service worker, but not the tab's session or the demo data. */
async function makeNextLoadCold(page) {
  await page.evaluate(async () => {
    const registrations = await navigator.serviceWorker.getRegistrations();
    await Promise.all(registrations.map((registration) => registration.unregister()));
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
}

/**
 * Total JavaScript per route: a cold load of each route (empty HTTP cache, no
 * service worker installed) in one tab that stays signed in as owner, counted
 * until the route's heading is visible and the network has gone quiet, so
 * chunks loaded right after the first paint count too. /login is measured
 * signed out, before owner logs in; the dev tools need no session but are
 * measured in the same signed-in tab, which loads the same code.
 */
export async function measureRouteJs(browser, origin) {
  const context = await browser.newContext();
  try {
    const js = collectJavaScript(context);
    const page = await context.newPage();
    const results = [];
    const load = async (route) => {
      js.reset();
      await page.goto(`${origin}${route.path}`);
      await waitForHeading(page, route.heading);
      await page.waitForLoadState('networkidle');
      const { pathname } = new URL(page.url());
      if (pathname !== route.path) throw new Error(`${route.path} ended on ${pathname}`);
      results.push({ route: route.path, ...(await js.snapshot()) });
    };
    const [login, ...others] = ROUTES;
    await load(login);
    await logIn(page, origin, 'owner@example.com', OWNER_HOME_HEADING);
    for (const route of others) {
      await makeNextLoadCold(page);
      await load(route);
    }
    return results;
  } finally {
    await context.close();
  }
}
