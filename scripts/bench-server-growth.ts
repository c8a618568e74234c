// `npm run bench:server` (and a step of `npm run bench`): SERVER-2's growth
// table, as issue 15 asked of the mock. The Node host is started in this
// process on SQLite in a temporary DATA_DIR and timed over real HTTP on the
// demo data, then again in the same database grown to 100,000 more tickets and
// 5,000 more members. The table goes to stdout, progress to stderr, the raw
// numbers to bench-results/server-growth.json.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@/api/limits';
import { paths } from '@/api/paths';
import type { TicketStatus, TicketType } from '@/api/schemas/tickets';
import type { Backend } from '@/backend/backend';
import { TICKET_NUMBER_FIRST, TOTP_PERIOD_SECONDS } from '@/backend/domain/limits';
import type {
  AccountRecord,
  AuditRecord,
  MembershipRecord,
  SessionRecord,
  TicketEntryRecord,
  TicketRecord,
} from '@/backend/domain/state';
import { codeAt, stepAt } from '@/backend/domain/totp';
import { BOB_TOTP_SECRET, DEMO_PASSWORD, SUPPORT_TOTP_SECRET } from '@/backend/seed';
import { createScryptHasher } from '../server/passwords/scrypt-hasher';
import { type StartedServer, startServer } from '../server/start';
import { DATABASE_FILE } from '../server/store/server-store';
import { renderTable } from './bench/render-table';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_FILE = join(ROOT, 'bench-results', 'server-growth.json');

/** What the database grows by: the spec's numbers. */
const ADDED_MEMBERS = 5_000;
const ADDED_TICKETS = 100_000;
/** One transaction per batch, like the dev tools' Load a large demo. */
const MEMBERS_PER_BATCH = 1_000;
const TICKETS_PER_BATCH = 5_000;
/** The tickets span this long back from now. */
const TICKET_SPAN_MS = 365 * DAY_MS;

/** Timed requests per measure, after the warm-ups; fewer if the measure's time runs out. */
const RUNS = 40;
const WARM_UPS = 3;
const MIN_RUNS = 5;
const MEASURE_BUDGET_MS = 6_000;
/** Restarts timed at each size: few, as each one closes and opens the database. */
const RESTARTS = 3;
/** The whole run gives up past this, cleaning up on the way out. */
const RUN_BUDGET_MS = 8 * 60_000;

/** SERVER-2: a request on the large data costs at most this many times its cost on the demo data. */
const TARGET_RATIO = 2;

/**
 * The contract tests' cheap scrypt (tests/server/support/test-server.ts):
 * production's (N=2^15, p=3) would put ~100 ms of hashing in every login and
 * hide the store, which is what grows.
 */
const BENCH_SCRYPT_COST = { N: 2 ** 10, r: 8, p: 1 };

const WORKSPACE = 'ws_demo';
const SEARCH = 'dashboard';
const STEP_MS = TOTP_PERIOD_SECONDS * 1_000;
/** Past GUARD-5's window of 10 tickets an hour per account. */
const RATE_WINDOW_JUMP_MS = HOUR_MS + MINUTE_MS;
const TICKETS_PER_HOUR = 10;

const progress = (message: string) => process.stderr.write(`bench:server: ${message}\n`);
const loadAverage = () => Number((loadavg()[0] ?? 0).toFixed(2));

/**
 * The server's clock: the real one, moved on by the bench when a TOTP step
 * must be fresh (a step verifies once per account) or when GUARD-5's hour
 * must have passed for the same people to file again.
 */
let offsetMs = 0;
const clock = () => Date.now() + offsetMs;

const lastStepOf = new Map<string, number>();
/** The code an authenticator shows now, on a step this secret has not used yet. */
function freshCode(secret: string): string {
  let step = stepAt(clock());
  // Two turns at most: a step is 30 s long.
  for (let turn = 0; turn < 3 && step <= (lastStepOf.get(secret) ?? 0); turn += 1) {
    offsetMs += STEP_MS;
    step = stepAt(clock());
  }
  lastStepOf.set(secret, step);
  return codeAt(secret, step);
}

interface Answer {
  status: number;
  text: string;
  /** From just before fetch() to the last byte of the body. */
  ms: number;
}

function isStaleConnection(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET';
}

/** One browser over loopback HTTP: it keeps the `gsid` cookie the server hands it. */
class Browser {
  private cookie: string | null = null;

  constructor(
    private readonly origin: string,
    readonly name: string,
  ) {}

  async send(method: string, path: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.cookie !== null) headers.Cookie = `gsid=${this.cookie}`;
    const init = {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    };
    let startedAt = performance.now();
    let response: Response;
    try {
      response = await fetch(`${this.origin}${path}`, init);
    } catch (error) {
      // A kept-alive connection the server closed while its event loop was busy
      // (adding the data blocks it for seconds) fails before the server reads the
      // request: once, on a new connection, and that one is timed.
      if (!isStaleConnection(error)) throw error;
      startedAt = performance.now();
      response = await fetch(`${this.origin}${path}`, init);
    }
    const text = await response.text();
    const ms = performance.now() - startedAt;
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const separator = pair.indexOf('=');
      if (pair.slice(0, separator) !== 'gsid') continue;
      const value = pair.slice(separator + 1);
      this.cookie = value === '' || /max-age=0/i.test(cookie) ? null : value;
    }
    return { status: response.status, text, ms };
  }

  get = (path: string) => this.send('GET', path);
  post = (path: string, body?: unknown) => this.send('POST', path, body);
  logIn = (email: string) => this.post(paths.session.href, { email, password: DEMO_PASSWORD });
}

/** The answer, or an error that says which request failed and how. */
function expectStatus(answer: Answer, what: string, status = 200): Answer {
  if (answer.status !== status) {
    throw new Error(`${what}: ${answer.status}, expected ${status}: ${answer.text.slice(0, 300)}`);
  }
  return answer;
}

const idOf = (answer: Answer) => (JSON.parse(answer.text) as { id: string }).id;

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

// --- The data ---------------------------------------------------------------

const TITLES = [
  'Dashboard does not refresh after midnight',
  'Cannot connect a PostgreSQL data source',
  'Invoice shows the wrong company name',
  'How do I give a colleague read-only access',
  'Alert emails arrive an hour late',
  'Export of a dashboard to PDF is blank',
  'Please add a dark theme to reports',
  'API token stopped working',
  'Question about the yearly plan',
  'Log search is slow for the last 30 days',
];
const TYPES: readonly TicketType[] = [
  'bug_report',
  'usage_issue',
  'purchase_inquiry',
  'help_documentation',
  'feature_request',
  'other',
  'change_owner',
];
/** About 400 bytes, as a member describes a problem. */
const DESCRIPTION =
  'Since this morning the dashboard for our production cluster shows no data after midnight. ' +
  'The hosts still report: I can see them in the infrastructure list. I tried another browser ' +
  'and cleared the cache. Two colleagues see the same. We changed nothing in the workspace ' +
  'settings this week. Could you check whether something changed on your side? Thank you.';
const AGENT_REPLY =
  'Thank you for the details. We found the cause and deployed a fix; please try again and tell us if it persists.';

/**
 * Statuses in the proportions of a help desk a year in: most tickets closed,
 * some canceled, the rest open at some step of TICKET-5.
 */
function statusOf(index: number): TicketStatus {
  const bucket = (index * 7_919) % 100;
  if (bucket < 55) return 'closed';
  if (bucket < 65) return 'canceled';
  if (bucket < 75) return 'waiting_assignment';
  if (bucket < 90) return 'waiting_feedback';
  return 'feedback_provided';
}

const memberId = (index: number) => `acc_growth_${String(index).padStart(5, '0')}`;
/** Every other member in each demo workspace: half the rows in the one the lists read. */
const workspaceOfMember = (index: number) => (index % 2 === 0 ? 'ws_demo' : 'ws_secure');

/** Adds the members, each with a session and two security log entries, a batch per transaction. */
async function addMembers(backend: Backend): Promise<void> {
  const template = await backend.run(
    (state) => structuredClone(state.accounts.find((account) => account.id === 'acc_alice')),
    { pickFrom: ['accounts'], stages: [() => [{ from: 'accounts', keys: ['acc_alice'] }]] },
  );
  if (!template) throw new Error('no acc_alice to copy the demo password from');
  for (let first = 0; first < ADDED_MEMBERS; first += MEMBERS_PER_BATCH) {
    await backend.run(
      (state, ctx) => {
        const last = Math.min(first + MEMBERS_PER_BATCH, ADDED_MEMBERS);
        for (let index = first; index < last; index += 1) {
          const id = memberId(index);
          const label = String(index).padStart(5, '0');
          const joinedAt = ctx.now - TICKET_SPAN_MS - DAY_MS + index * MINUTE_MS;
          // They sign in with the demo password: Alice's salt and hash stand for it.
          const account: AccountRecord = {
            ...structuredClone(template),
            id,
            email: `member${label}@growth.example.com`,
            name: `Member ${label}`,
            createdAt: joinedAt,
            lastWorkspaceId: workspaceOfMember(index),
          };
          const membership: MembershipRecord = {
            accountId: id,
            workspaceId: workspaceOfMember(index),
            role: 'member',
            joinedAt,
          };
          const lastSeenAt = ctx.now - (index % 48) * HOUR_MS;
          const session: SessionRecord = {
            id: `ses_growth_${label}`,
            tokenHash: `growth-session-${label}`,
            accountId: id,
            state: 'active',
            workspaceId: workspaceOfMember(index),
            createdAt: lastSeenAt - HOUR_MS,
            lastSeenAt,
            expiresAt: lastSeenAt + 30 * MINUTE_MS,
            userAgent: null,
          };
          const events: AuditRecord[] = [lastSeenAt - HOUR_MS, lastSeenAt].map((at, n) => ({
            id: `evt_growth_${label}_${n}`,
            accountId: id,
            event: 'signin.password',
            at,
            device: null,
            detail: {},
          }));
          state.accounts.push(account);
          state.memberships.push(membership);
          state.sessions.push(session);
          state.audit.push(...events);
        }
      },
      { append: ['accounts', 'memberships', 'sessions', 'audit'] },
    );
  }
}

/** One ticket of the member `index % ADDED_MEMBERS`, in that member's workspace. */
function ticketOf(index: number, sequence: number, now: number): TicketRecord {
  const member = index % ADDED_MEMBERS;
  const requesterId = memberId(member);
  const status = statusOf(index);
  const createdAt = now - TICKET_SPAN_MS + Math.floor((index * TICKET_SPAN_MS) / ADDED_TICKETS);
  // Feedback Provided closes by itself after a week: these are fresh enough not to.
  const feedbackAt = status === 'feedback_provided' ? now - ((index % 5) + 1) * DAY_MS : null;
  const updatedAt =
    feedbackAt ?? Math.min(now - MINUTE_MS, createdAt + ((index % 72) + 1) * HOUR_MS);
  const answered = status !== 'waiting_assignment' && status !== 'canceled';
  const entries: TicketEntryRecord[] = [
    {
      kind: 'message',
      id: `tmsg_growth_${sequence}_0`,
      authorId: requesterId,
      role: 'requester',
      body: DESCRIPTION,
      at: createdAt,
      attachmentIds: [],
    },
  ];
  if (answered && status !== 'waiting_feedback') {
    entries.push({
      kind: 'message',
      id: `tmsg_growth_${sequence}_1`,
      authorId: 'acc_support',
      role: 'agent',
      body: AGENT_REPLY,
      at: updatedAt,
      attachmentIds: [],
    });
  }
  return {
    id: `tkt_growth_${sequence}`,
    number: `TK${TICKET_NUMBER_FIRST + sequence - 1}`,
    workspaceId: workspaceOfMember(member),
    requesterId,
    type: TYPES[index % TYPES.length] ?? 'other',
    title: `${TITLES[index % TITLES.length] ?? 'Question'} (${index + 1})`,
    status,
    createdAt,
    updatedAt,
    assigneeId: answered ? 'acc_support' : null,
    feedbackAt,
    closedAt: status === 'closed' ? updatedAt : null,
    rating: null,
    verification: null,
    cancelTokenHash: null,
    mfaUnboundAt: null,
    entries,
  };
}

/** Adds the tickets, numbered on from the server's sequence, a batch per transaction. */
async function addTickets(backend: Backend): Promise<void> {
  for (let first = 0; first < ADDED_TICKETS; first += TICKETS_PER_BATCH) {
    await backend.run(
      (state, ctx) => {
        const last = Math.min(first + TICKETS_PER_BATCH, ADDED_TICKETS);
        for (let index = first; index < last; index += 1) {
          state.ticketSequence += 1;
          state.tickets.push(ticketOf(index, state.ticketSequence, ctx.now));
        }
      },
      { append: ['tickets'] },
    );
    if ((first + TICKETS_PER_BATCH) % 20_000 === 0) {
      progress(`${(first + TICKETS_PER_BATCH).toLocaleString('en-US')} tickets added`);
    }
  }
}

/** How many rows the scanning requests read, counted in the database beside the server. */
interface Rows {
  workspaceTickets: number;
  workspaceRequesters: number;
  tickets: number;
  requesters: number;
  workspaceMembers: number;
  accounts: number;
}

function countRows(file: string): Rows {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const count = (sql: string, ...values: string[]) =>
      (db.prepare(sql).get(...values) as { n: number }).n;
    return {
      workspaceTickets: count(
        'SELECT count(*) AS n FROM tickets WHERE workspace_id = ?',
        WORKSPACE,
      ),
      workspaceRequesters: count(
        'SELECT count(DISTINCT requester_id) AS n FROM tickets WHERE workspace_id = ?',
        WORKSPACE,
      ),
      tickets: count('SELECT count(*) AS n FROM tickets'),
      requesters: count('SELECT count(DISTINCT requester_id) AS n FROM tickets'),
      workspaceMembers: count(
        'SELECT count(*) AS n FROM memberships WHERE workspace_id = ?',
        WORKSPACE,
      ),
      accounts: count('SELECT count(*) AS n FROM accounts'),
    };
  } finally {
    db.close();
  }
}

// --- The people and the requests -------------------------------------------

interface People {
  alice: Browser;
  owner: Browser;
  /** Past his login's code step. */
  bob: Browser;
  /** Customer service, past its code step. */
  support: Browser;
}

/** The same tickets at both sizes, filed through the API on the demo data. */
interface Fixtures {
  /** Alice's bug report, which she opens. */
  aliceTicket: string;
  /** The Owner's ticket, which the Owner replies to when a measure needs a ticket changed. */
  ownerTicket: string;
  /** Bob's Unbind MFA request, filed from his login, which customer service reviews. */
  bobUnbind: string;
}

async function signIn(origin: string): Promise<People> {
  const alice = new Browser(origin, 'alice');
  const owner = new Browser(origin, 'owner');
  const bob = new Browser(origin, 'bob');
  const support = new Browser(origin, 'support');
  expectStatus(await alice.logIn('alice@example.com'), 'alice logs in');
  expectStatus(await owner.logIn('owner@example.com'), 'the owner logs in');
  expectStatus(await bob.logIn('bob@example.com'), 'bob logs in');
  expectStatus(
    await bob.post(paths.sessionMfa.href, { code: freshCode(BOB_TOTP_SECRET) }),
    'bob enters his code',
  );
  expectStatus(await support.logIn('support@example.com'), 'support logs in');
  expectStatus(
    await support.post(paths.sessionMfa.href, { code: freshCode(SUPPORT_TOTP_SECRET) }),
    'support enters its code',
  );
  return { alice, owner, bob, support };
}

const bugReport = (title: string) => ({
  type: 'bug_report',
  title,
  description: 'The Demo Workspace dashboard takes 20 s to load since Monday.',
  attachmentIds: [],
});

/** Tickets filed per account since the clock last jumped past GUARD-5's hour. */
const filedThisHour = new Map<string, number>();

async function file(browser: Browser, title: string): Promise<Answer> {
  filedThisHour.set(browser.name, (filedThisHour.get(browser.name) ?? 0) + 1);
  return expectStatus(await browser.post(paths.tickets.href, bugReport(title)), title, 201);
}

async function fileFixtures(origin: string, people: People, backend: Backend): Promise<Fixtures> {
  const aliceTicket = idOf(await file(people.alice, 'Dashboards load slowly'));
  const ownerTicket = idOf(await file(people.owner, 'Alerts arrive late'));
  // TICKET-4: bob at his login's code step, proving his email with a code from his mailbox.
  const pendingBob = new Browser(origin, 'bob');
  expectStatus(await pendingBob.logIn('bob@example.com'), 'bob logs in for the unbind request');
  expectStatus(await pendingBob.post(paths.ticketEmailCode.href), 'bob asks for a ticket code');
  const mail = await backend.run(
    (state) =>
      state.outbox.filter((m) => m.to === 'bob@example.com' && /code/i.test(m.subject)).at(-1)
        ?.body,
    { whole: ['outbox'] },
  );
  const emailCode = /\b(\d{6})\b/.exec(mail ?? '')?.[1];
  if (!emailCode) throw new Error('no ticket code in bob’s mailbox');
  const unbind = expectStatus(
    await pendingBob.post(paths.tickets.href, {
      type: 'unbind_mfa',
      title: 'I lost my phone',
      description: 'My phone was stolen; please unbind MFA from bob@example.com.',
      attachmentIds: [],
      emailCode,
    }),
    'bob files an unbind request',
    201,
  );
  return { aliceTicket, ownerTicket, bobUnbind: idOf(unbind) };
}

/** What a request grows with, when it legitimately reads a whole list. */
type Scan = 'workspace tickets' | 'every ticket' | 'workspace members';

interface Measure {
  label: string;
  scans?: Scan;
  /** What it reads at the large size, where "by key and index" would not say it. */
  reads?: (rows: Rows) => string;
  /** Once before the warm-ups: logs the people it needs in again, after the clock moved. */
  prepare?: () => Promise<void>;
  /** Untimed, before each request: what makes the next one valid (a fresh step, a changed ticket). */
  before?: () => Promise<void>;
  request: () => Promise<Answer>;
  status?: number;
}

/** The requests of the table, by the same people on the same tickets at either size. */
function measuresOf(origin: string, people: People, fixtures: Fixtures): Measure[] {
  const { alice, owner, bob, support } = people;
  const list = paths.workspaceTickets.href(WORKSPACE);
  const loginBrowser = new Browser(origin, 'owner-login');
  const mfaBrowser = new Browser(origin, 'bob-login');
  let bobCode = '';
  // Two accounts file, by turns, so GUARD-5's 10 an hour lasts; then the clock moves an hour.
  const filers = [owner, alice];
  let nextFiler: Browser = owner;
  let filings = 0;
  return [
    { label: 'GET /session', request: () => alice.get(paths.session.href) },
    { label: 'GET /account', request: () => alice.get(paths.account.href) },
    { label: 'GET /account/sessions', request: () => alice.get(paths.accountSessions.href) },
    {
      label: 'GET /account/audit (page 1)',
      request: () => alice.get(`${paths.accountAudit.href}?page=1&pageSize=20`),
    },
    {
      label: 'GET /tickets/:id (her ticket)',
      request: () => alice.get(paths.ticket.href(fixtures.aliceTicket)),
    },
    {
      label: "GET /support/tickets/:id (agent's Unbind MFA page)",
      request: () => support.get(paths.supportTicket.href(fixtures.bobUnbind)),
    },
    { label: 'GET /tickets (My Tickets, page 1)', request: () => bob.get(paths.tickets.href) },
    {
      label: 'GET /tickets (My Tickets), first after a ticket changed',
      // Any ticket written empties the slices of the server's copy of the tickets store.
      before: async () => {
        expectStatus(
          await owner.post(paths.ticketReplies.href(fixtures.ownerTicket), {
            body: 'Any news?',
            attachmentIds: [],
          }),
          'the owner replies',
        );
      },
      request: () => bob.get(paths.tickets.href),
      reads: (rows) =>
        `his 1 ticket, picked again from the in-memory copy of all ${count(rows.tickets)} headers`,
    },
    {
      label: 'GET /workspaces/:id',
      scans: 'workspace members',
      request: () => alice.get(paths.workspace.href(WORKSPACE)),
    },
    {
      label: 'GET /workspaces/:id/members',
      scans: 'workspace members',
      request: () => owner.get(paths.workspaceMembers.href(WORKSPACE)),
    },
    {
      label: 'GET /workspaces/:id/tickets (page 1)',
      scans: 'workspace tickets',
      request: () => alice.get(`${list}?page=1`),
    },
    {
      label: `GET /workspaces/:id/tickets (search "${SEARCH}")`,
      scans: 'workspace tickets',
      request: () => alice.get(`${list}?q=${SEARCH}&page=1`),
    },
    {
      label: 'GET /workspaces/:id/tickets/export',
      scans: 'workspace tickets',
      request: () => alice.get(paths.workspaceTicketsExport.href(WORKSPACE)),
    },
    {
      label: 'GET /support/tickets (the queue, page 1)',
      scans: 'every ticket',
      request: () => support.get(`${paths.supportTickets.href}?page=1`),
    },
    {
      label: 'POST /session (log in, cheap scrypt)',
      request: () => loginBrowser.logIn('owner@example.com'),
    },
    {
      label: "POST /session/mfa (bob's code)",
      before: async () => {
        bobCode = freshCode(BOB_TOTP_SECRET);
        expectStatus(await mfaBrowser.logIn('bob@example.com'), 'bob logs in');
      },
      request: () => mfaBrowser.post(paths.sessionMfa.href, { code: bobCode }),
    },
    // Last: it moves the clock by hours, past every idle session.
    {
      label: 'POST /tickets (a member files)',
      status: 201,
      prepare: async () => {
        for (const filer of filers) {
          expectStatus(await filer.logIn(`${filer.name}@example.com`), `${filer.name} logs in`);
        }
      },
      before: async () => {
        if (filers.every((filer) => (filedThisHour.get(filer.name) ?? 0) >= TICKETS_PER_HOUR)) {
          offsetMs += RATE_WINDOW_JUMP_MS;
          filedThisHour.clear();
          for (const filer of filers) {
            expectStatus(await filer.logIn(`${filer.name}@example.com`), `${filer.name} logs in`);
          }
        }
        nextFiler =
          filers.find((filer) => (filedThisHour.get(filer.name) ?? 0) < TICKETS_PER_HOUR) ?? owner;
      },
      request: async () => {
        filings += 1;
        filedThisHour.set(nextFiler.name, (filedThisHour.get(nextFiler.name) ?? 0) + 1);
        return nextFiler.post(paths.tickets.href, bugReport(`Growth bench filing ${filings}`));
      },
    },
  ];
}

interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

/** Warm-ups, then up to RUNS timed requests, or fewer (never under MIN_RUNS) once the budget is spent. */
async function time(measure: Measure): Promise<Timing> {
  await measure.prepare?.();
  const deadline = performance.now() + MEASURE_BUDGET_MS;
  const runs: number[] = [];
  for (let turn = 0; turn < WARM_UPS + RUNS; turn += 1) {
    if (runs.length >= MIN_RUNS && performance.now() > deadline) break;
    await measure.before?.();
    const answer = expectStatus(await measure.request(), measure.label, measure.status);
    if (turn >= WARM_UPS) runs.push(answer.ms);
  }
  return timingOf(runs);
}

const timingOf = (runs: number[]): Timing => ({
  median: median(runs),
  min: Math.min(...runs),
  max: Math.max(...runs),
  runs,
});

/** The Node host over DATA_DIR as `npm start` runs it in demo mode, but for the clock and the hash's cost. */
function start(dataDir: string): Promise<StartedServer> {
  return startServer(
    {
      mode: 'demo',
      port: 0,
      dataDir,
      publicOrigin: 'http://localhost',
      // Fixed, so a session outlives a restart as it does on a real server.
      cookieSecret: 'server-growth-bench-cookie-secret-0123456789',
      dataKey: null,
      smtpUrl: null,
      mailFrom: 'no-reply@localhost',
      trustProxy: 0,
      databaseUrl: null,
      appDir: null,
    },
    {
      clock,
      passwords: createScryptHasher(BENCH_SCRYPT_COST),
      log: () => undefined,
      // One address sends everything here; SERVER-9's per-address limits would turn the bench away.
      ipLimits: false,
    },
  );
}

/** SERVER-10's restart over the same database, timed from the close to listening again. */
async function restart(
  host: { server: StartedServer },
  dataDir: string,
  size: string,
): Promise<Timing> {
  const runs: number[] = [];
  for (let run = 0; run < RESTARTS; run += 1) {
    const startedAt = performance.now();
    await host.server.close();
    host.server = await start(dataDir);
    runs.push(performance.now() - startedAt);
  }
  progress(`${size}: restart: ${median(runs).toFixed(1)} ms`);
  return timingOf(runs);
}

async function measureAll(measures: readonly Measure[], size: string): Promise<Timing[]> {
  const timings: Timing[] = [];
  for (const measure of measures) {
    const timing = await time(measure);
    timings.push(timing);
    progress(`${size}: ${measure.label}: ${timing.median.toFixed(1)} ms`);
  }
  return timings;
}

// --- The report ---------------------------------------------------------------

const ms = (value: number) => `${value.toFixed(1)} ms`;
const times = (value: number) => `${value.toFixed(2)}x`;
const count = (value: number) => value.toLocaleString('en-US');

function readsOf(scan: Scan | undefined, rows: Rows): string {
  switch (scan) {
    case undefined:
      return 'by key and index';
    case 'workspace tickets':
      return `${count(rows.workspaceTickets)} ticket headers + ${count(rows.workspaceRequesters)} requesters`;
    case 'every ticket':
      return `${count(rows.tickets)} ticket headers + ${count(rows.requesters)} requesters`;
    case 'workspace members':
      return `${count(rows.workspaceMembers)} memberships (+ their accounts for the list)`;
  }
}

interface Results {
  environment: { node: string; cpus: number; loadAverage1m: { atStart: number; atEnd: number } };
  sizes: { demo: Rows; large: Rows };
  growthSeconds: number;
  wallTimeSeconds: number;
  requests: {
    label: string;
    scans: Scan | null;
    demo: Timing;
    large: Timing;
    ratio: number;
    met: boolean;
    readsAtLarge: string;
  }[];
}

function report(results: Results): string {
  const { atStart, atEnd } = results.environment.loadAverage1m;
  const busy = Math.max(atStart, atEnd) > results.environment.cpus;
  const { demo, large } = results.sizes;
  const missed: string[] = [];
  const rows = results.requests.map((request) => {
    const mark = request.scans ? '*' : '';
    if (!request.met && !request.scans) {
      missed.push(
        `Missed: ${request.label}: ${times(request.ratio)} (${ms(request.demo.median)} -> ${ms(request.large.median)}).`,
      );
    }
    return [
      `${request.label}${mark}`,
      `${ms(request.demo.median)} (${request.demo.runs.length})`,
      `${ms(request.large.median)} (${request.large.runs.length})`,
      times(request.ratio),
      `<= ${times(TARGET_RATIO)}`,
      `${request.met ? 'yes' : 'NO'}${mark}`,
      request.readsAtLarge,
    ];
  });
  return [
    renderTable(
      [
        'Server request (median, runs)',
        'Demo data',
        'Large data',
        'Ratio',
        'Target',
        'Met',
        'Reads at large',
      ],
      rows,
    ),
    '',
    ...missed,
    `* Reads a whole list, as its answer needs today: a workspace's ticket headers and their requesters (its page, search and export), every ticket (the support queue), or a workspace's memberships (its page, its members). These grow with what they list, not within 2x. Paging in the store, reading the index in its order with a limit (workspaceUpdated, requesterCreated) and counting by the index, would bound the lists and the queue; search would need a text index, or a scan bounded by a page of matches; the members list a page of memberships by index; the workspace page a count by index.`,
    `Demo data: ${count(demo.accounts)} accounts, ${count(demo.tickets)} tickets (the bench's own). Large data: the same database with ${count(ADDED_MEMBERS)} more members (each with a session and 2 log entries, half of them in ${WORKSPACE}) and ${count(ADDED_TICKETS)} more tickets (a year of them from those members, 55% closed, 10% canceled, the rest open), ${count(large.tickets)} in all, ${count(large.workspaceTickets)} in ${WORKSPACE}; added in ${results.growthSeconds.toFixed(0)} s.`,
    `Times: the Node host in this process on SQLite (WAL), fetch() over loopback HTTP with keep-alive, to the last byte of the answer; median of up to ${RUNS} runs after ${WARM_UPS} warm-ups, fewer when a measure passed ${MEASURE_BUDGET_MS / 1000} s. The login hashes with scrypt N=2^10 (the tests' cost, not production's N=2^15, p=3), so the store is what it times. "First after a ticket changed": the Owner replies to his ticket before each run (untimed), as any write to the tickets store does on a busy server. Restart: close, then start over the same file until it listens, median of ${RESTARTS}.`,
    `Load average (1 min) ${atStart} at start, ${atEnd} at end, on ${results.environment.cpus} CPUs${busy ? ': the machine was busy, so the times are noisy' : ''}.`,
    `Wall time ${results.wallTimeSeconds.toFixed(0)} s. Raw numbers: bench-results/server-growth.json.`,
  ].join('\n');
}

// --- The run ---------------------------------------------------------------------

async function main(): Promise<void> {
  const startedAtMs = performance.now();
  const loadAtStart = loadAverage();
  const dir = await mkdtemp(join(tmpdir(), 'guance-server-bench-'));
  const dataDir = join(dir, 'data');
  const databaseFile = join(dataDir, DATABASE_FILE);
  const watchdog = setTimeout(() => {
    progress(`gave up after ${RUN_BUDGET_MS / 60_000} minutes`);
    process.exitCode = 1;
    void rm(dir, { recursive: true, force: true }).finally(() => process.exit(1));
  }, RUN_BUDGET_MS);
  watchdog.unref();
  const host = { server: await start(dataDir) };
  try {
    progress('timing on the demo data');
    const demoStart = await restart(host, dataDir, 'demo');
    const demoOrigin = `http://127.0.0.1:${host.server.port}`;
    const people = await signIn(demoOrigin);
    const fixtures = await fileFixtures(demoOrigin, people, host.server.backend);
    const demoRows = countRows(databaseFile);
    const demo = await measureAll(measuresOf(demoOrigin, people, fixtures), 'demo');

    progress(
      `adding ${count(ADDED_MEMBERS)} members and ${count(ADDED_TICKETS)} tickets to the same database`,
    );
    const growthStartedAt = performance.now();
    await addMembers(host.server.backend);
    await addTickets(host.server.backend);
    const growthSeconds = (performance.now() - growthStartedAt) / 1000;
    progress('timing on the large data');
    const largeStart = await restart(host, dataDir, 'large');
    const largeOrigin = `http://127.0.0.1:${host.server.port}`;
    // The same people file again: past GUARD-5's hour, with fresh sessions.
    offsetMs += RATE_WINDOW_JUMP_MS;
    filedThisHour.clear();
    const largeRows = countRows(databaseFile);
    const measures = measuresOf(largeOrigin, await signIn(largeOrigin), fixtures);
    const large = await measureAll(measures, 'large');

    const results: Results = {
      environment: {
        node: process.version,
        cpus: cpus().length,
        loadAverage1m: { atStart: loadAtStart, atEnd: loadAverage() },
      },
      sizes: { demo: demoRows, large: largeRows },
      growthSeconds,
      wallTimeSeconds: (performance.now() - startedAtMs) / 1000,
      requests: [
        {
          label: 'Server restart (close, open the database, listen)',
          scans: null,
          demo: demoStart,
          large: largeStart,
          ratio: largeStart.median / demoStart.median,
          met: largeStart.median / demoStart.median <= TARGET_RATIO,
          readsAtLarge: 'the meta record',
        },
        ...measures.map((measure, index) => {
          const small = demo[index] as Timing;
          const big = large[index] as Timing;
          const ratio = big.median / small.median;
          return {
            label: measure.label,
            scans: measure.scans ?? null,
            demo: small,
            large: big,
            ratio,
            met: ratio <= TARGET_RATIO,
            readsAtLarge: measure.reads?.(largeRows) ?? readsOf(measure.scans, largeRows),
          };
        }),
      ],
    };
    process.stdout.write(`${report(results)}\n`);
    await mkdir(dirname(RESULTS_FILE), { recursive: true });
    await writeFile(
      RESULTS_FILE,
      `${JSON.stringify({ generatedAt: new Date().toISOString(), ...results }, null, 2)}\n`,
    );
  } finally {
    await host.server.close();
    await rm(dir, { recursive: true, force: true });
    clearTimeout(watchdog);
  }
}

await main();
