import { waitForLoginForm } from './browser.mjs';

/**
 * Issue 15: the mock's cost must not grow with its data. The same requests
 * are timed in Chromium on the demo build with 0, 1,000 and 10,000 tickets in
 * the store, loaded by the dev tools' Load a large demo (all into the
 * workspace the lists read, so one export holds every ticket).
 */
export const GROWTH_LEVELS = [0, 1_000, 10_000];
const TICKETS_PER_BATCH = 1_000;
const RUNS = 9;
/** IndexedDB settles its writes of a batch load before the next level is timed. */
const SETTLE_MS = 3_000;
/** Every account files at most 10 tickets an hour (GUARD-5): one account per level. */
const ACCOUNT_PER_LEVEL = [
  'owner@example.com',
  'alice@example.com',
  'member0001@large.example.com',
];
const PASSWORD = 'Guance@2026';
const WORKSPACE = 'ws_demo';
const SEARCH = 'Dashboard export';
const DESCRIPTION = 'Measured by the growth bench. '.repeat(27);

export const GROWTH_TARGETS = {
  sessionRatio: 2,
  createRatio: 2,
  listMs: 30,
  searchMs: 30,
  exportMs: 1_000,
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * One request from the page, timed there: the mock's in-page fetch (ADR 0038)
 * to the last byte of the answer.
 */
function timeRequest(page, { method = 'GET', url, body }) {
  return page.evaluate(
    async ({ method, url, body }) => {
      const startedAt = performance.now();
      const response = await window.mockFetch(url, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      const elapsed = performance.now() - startedAt;
      if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
      return { elapsed, text };
    },
    { method, url, body },
  );
}

async function timed(page, request, runs = RUNS) {
  await timeRequest(page, request); // warm: the first request of a kind compiles and caches
  const times = [];
  let last = '';
  for (let run = 0; run < runs; run += 1) {
    const { elapsed, text } = await timeRequest(page, request);
    times.push(elapsed);
    last = text;
  }
  return { median: median(times), runs: times, last };
}

async function logInAs(page, email) {
  await timeRequest(page, {
    method: 'POST',
    url: '/api/v1/session',
    body: { email, password: PASSWORD },
  });
}

async function loadTickets(page, from, to, progress) {
  for (let batch = from / TICKETS_PER_BATCH; batch < to / TICKETS_PER_BATCH; batch += 1) {
    await timeRequest(page, {
      method: 'POST',
      url: '/api/dev/large-demo',
      body: { batch, workspaceId: WORKSPACE },
    });
    progress(`growth: ${(batch + 1) * TICKETS_PER_BATCH} tickets loaded`);
  }
}

/** Times the five requests at each level; the store starts from Reset demo data. */
export async function measureGrowth(browser, origin, progress) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/login`);
    await waitForLoginForm(page);
    // The login form paints before the mock has started; it sets mockFetch once it has.
    await page.waitForFunction(() => window.mockFetch !== undefined);
    await timeRequest(page, { method: 'POST', url: '/api/dev/reset' });
    const levels = [];
    let loaded = 0;
    for (const [index, tickets] of GROWTH_LEVELS.entries()) {
      await loadTickets(page, loaded, tickets, progress);
      loaded = tickets;
      await page.waitForTimeout(SETTLE_MS);
      await logInAs(page, ACCOUNT_PER_LEVEL[index]);
      const list = `/api/v1/workspaces/${WORKSPACE}/tickets`;
      const session = await timed(page, { url: '/api/v1/session' });
      // Four creations fit an account's 10 an hour: one warm-up and three timed.
      const create = await timed(
        page,
        {
          method: 'POST',
          url: '/api/v1/tickets',
          body: {
            type: 'other',
            title: `Growth bench ${tickets}`,
            description: DESCRIPTION,
            attachmentIds: [],
          },
        },
        3,
      );
      const firstPage = await timed(page, { url: `${list}?page=1` });
      const search = await timed(page, { url: `${list}?q=${encodeURIComponent(SEARCH)}&page=1` });
      const exported = await timed(page, { url: `${list}/export` }, 3);
      const rows = JSON.parse(exported.last).tickets.length;
      const total = JSON.parse(firstPage.last).total;
      const strip = ({ median: value, runs }) => ({ median: value, runs });
      levels.push({
        tickets,
        listTotal: total,
        exportRows: rows,
        getSession: strip(session),
        postTickets: strip(create),
        listPage1: strip(firstPage),
        titleSearch: strip(search),
        exportAll: strip(exported),
      });
      progress(`growth: measured at ${tickets} tickets`);
    }
    await timeRequest(page, { method: 'POST', url: '/api/dev/reset' });
    return { levels, runs: RUNS, targets: growthTargetsOf(levels) };
  } finally {
    await context.close();
  }
}

function growthTargetsOf(levels) {
  const first = levels[0];
  const last = levels[levels.length - 1];
  const ratio = (key) => last[key].median / first[key].median;
  return {
    getSession: {
      target: `<= ${GROWTH_TARGETS.sessionRatio}x of 0 tickets`,
      value: ratio('getSession'),
      met: ratio('getSession') <= GROWTH_TARGETS.sessionRatio,
    },
    postTickets: {
      target: `<= ${GROWTH_TARGETS.createRatio}x of 0 tickets`,
      value: ratio('postTickets'),
      met: ratio('postTickets') <= GROWTH_TARGETS.createRatio,
    },
    listPage1: {
      target: `<= ${GROWTH_TARGETS.listMs} ms`,
      value: last.listPage1.median,
      met: last.listPage1.median <= GROWTH_TARGETS.listMs,
    },
    titleSearch: {
      target: `<= ${GROWTH_TARGETS.searchMs} ms`,
      value: last.titleSearch.median,
      met: last.titleSearch.median <= GROWTH_TARGETS.searchMs,
    },
    exportAll: {
      target: `<= ${GROWTH_TARGETS.exportMs} ms for ${last.tickets} rows`,
      value: last.exportAll.median,
      met: last.exportAll.median <= GROWTH_TARGETS.exportMs && last.exportRows >= last.tickets,
    },
  };
}

/** The growth table: one row per request, one column per level, then the target. */
export function growthTable(growth, renderTable) {
  const ms = (value) => `${value.toFixed(1)} ms`;
  const measures = [
    ['getSession', 'GET /session'],
    ['postTickets', 'POST /tickets'],
    ['listPage1', 'GET workspace tickets, page 1'],
    ['titleSearch', `GET workspace tickets, search "${SEARCH}"`],
    ['exportAll', 'GET workspace tickets export (all rows)'],
  ];
  const rows = measures.map(([key, label]) => {
    const goal = growth.targets[key];
    return [
      label,
      ...growth.levels.map((level) => ms(level[key].median)),
      goal.target,
      goal.met ? 'yes' : 'NO',
    ];
  });
  const header = [
    'Mock request (median)',
    ...growth.levels.map((level) => `${level.tickets.toLocaleString('en-US')} tickets`),
    'Target',
    'Met',
  ];
  return [
    renderTable(header, rows),
    `Growth: the mock's in-page fetch to the last byte, median of ${growth.runs} after a warm-up (3 for POST /tickets and the export), ${SETTLE_MS / 1000} s after the tickets were loaded; tickets from Load a large demo, all in ${WORKSPACE}; export rows at the last level: ${growth.levels.at(-1).exportRows}.`,
  ].join('\n');
}
