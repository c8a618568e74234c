// The people, the tickets they file and the requests the growth bench times, the
// same at both sizes.
import { paths } from '@/api/paths';
import type { Backend } from '@/backend/backend';
import { BOB_TOTP_SECRET, SUPPORT_TOTP_SECRET } from '@/backend/seed';
import { freshCode, moveClock } from './bench-clock';
import type { Rows } from './grown-data';
import {
  count,
  MEASURE_BUDGET_MS,
  MIN_RUNS,
  RATE_WINDOW_JUMP_MS,
  RUNS,
  SEARCH,
  TICKETS_PER_HOUR,
  WARM_UPS,
  WORKSPACE,
} from './growth-settings';
import type { Answer } from './loopback-browser';
import { Browser, expectStatus, idOf, median } from './loopback-browser';

export interface People {
  alice: Browser;
  owner: Browser;
  /** Past his login's code step. */
  bob: Browser;
  /** Customer service, past its code step. */
  support: Browser;
}

/** The same tickets at both sizes, filed through the API on the demo data. */
export interface Fixtures {
  /** Alice's bug report, which she opens. */
  aliceTicket: string;
  /** The Owner's ticket, which the Owner replies to when a measure needs a ticket changed. */
  ownerTicket: string;
  /** Bob's Unbind MFA request, filed from his login, which customer service reviews. */
  bobUnbind: string;
}

export async function signIn(origin: string): Promise<People> {
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

export const bugReport = (title: string) => ({
  type: 'bug_report',
  title,
  description: 'The Demo Workspace dashboard takes 20 s to load since Monday.',
  attachmentIds: [],
});

/** Tickets filed per account since the clock last jumped past GUARD-5's hour. */
export const filedThisHour = new Map<string, number>();

export async function file(browser: Browser, title: string): Promise<Answer> {
  filedThisHour.set(browser.name, (filedThisHour.get(browser.name) ?? 0) + 1);
  return expectStatus(await browser.post(paths.tickets.href, bugReport(title)), title, 201);
}

export async function fileFixtures(
  origin: string,
  people: People,
  backend: Backend,
): Promise<Fixtures> {
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
export type Scan = 'workspace tickets' | 'every ticket' | 'workspace members';

export interface Measure {
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
export function measuresOf(origin: string, people: People, fixtures: Fixtures): Measure[] {
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
          moveClock(RATE_WINDOW_JUMP_MS);
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

export interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

/** Warm-ups, then up to RUNS timed requests, or fewer (never under MIN_RUNS) once the budget is spent. */
export async function time(measure: Measure): Promise<Timing> {
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

export const timingOf = (runs: number[]): Timing => ({
  median: median(runs),
  min: Math.min(...runs),
  max: Math.max(...runs),
  runs,
});
