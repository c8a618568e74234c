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

/** What says a page is drawn: the heading it shows, and a wait for all of it. */
export const loginFormShown = { heading: LOGIN_HEADING, wait: waitForLoginForm };
export const headingShown = (name) => ({
  heading: name,
  wait: (page) => waitForHeading(page, name),
});

/**
 * Runs in the page before its own scripts: notes the page's clock when a
 * heading named `name` first enters the document, which is when React commits
 * the first screen.
 */
function noteWhenShown(name) {
  const shown = () =>
    [...document.querySelectorAll('h1, h2, [role="heading"]')].some(
      (heading) => heading.textContent?.trim() === name,
    );
  new MutationObserver((_, observer) => {
    if (!shown()) return;
    globalThis.__benchShownAtMs = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/**
 * Initial JavaScript: every JS file a first visit asks for before the page's
 * heading is in the document (for /login: the login form, drawn in the same
 * render), by the page's own resource timing. Files asked for after it (the
 * words past the first screen, the mock) are not counted however fast the
 * bench notices the form: counting until the bench's wait returned made them
 * count or not by a race. A fresh context has an empty cache.
 */
export async function measureInitialJs(browser, url, shown) {
  const context = await browser.newContext();
  try {
    const js = collectJavaScript(context);
    const page = await context.newPage();
    await page.addInitScript(noteWhenShown, shown.heading);
    await page.goto(url);
    await shown.wait(page);
    const askedBefore = new Set(
      await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => entry.startTime <= globalThis.__benchShownAtMs)
          .map((entry) => entry.name),
      ),
    );
    return await js.snapshot((file) => askedBefore.has(file));
  } finally {
    await context.close();
  }
}

/** Forgets the HTTP cache, but not the tab's session or the demo data. */
async function makeNextLoadCold(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
}

/**
 * Total JavaScript per route: a cold load of each route (empty HTTP cache)
 * in one tab that stays signed in as owner, counted
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
