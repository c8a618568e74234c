import { describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { ticketExportSchema, ticketPageSchema } from '@/api/schemas/tickets';
import {
  memberListSchema,
  mfaPolicySchema,
  mfaPostureSchema,
  workspaceSchema,
} from '@/api/schemas/workspace';
import { BOB_TOTP_SECRET } from '@/backend/seed';
import { activeAgent } from '../support/agent-api';
import { type ApiClient, type ApiResponse, expectOk, setupMockApi } from '../support/api-client';
import { addCrowd, type Crowd } from '../support/crowd';
import { totpAt } from '../support/mfa';
import { readMeter, type Reads } from '../support/read-meter';
import { created, ticketApiSteps, unbindRequest } from '../support/ticket-api';
import { BUG_REPORT } from '../support/tickets';

/**
 * SERVER-2: a request's cost does not grow with the data (ADR 0024). Not a
 * timing: the records each request reads, on the demo data and again with a
 * crowd of 2,000 more members (each with a session, a bind wizard, log
 * entries, codes, a throttle, an upload) and 5,000 more tickets. Within 2x
 * and a few records, but for what a request legitimately reads whole: a
 * workspace's members for its members list and policy, a workspace's ticket
 * headers and their requesters for its list, search and export, every
 * ticket for the support queue.
 */

const meter = readMeter();
const api = setupMockApi({ store: (clock) => meter.store(clock) });
const CROWD = { members: 1_500, ticketBatches: 5 };
/** The records any request may read beyond twice the demo's: a new row here and there. */
const SLACK = 10;
const WORKSPACE = 'ws_demo';

/** What a request may read besides twice what it read on the demo data. */
type Growth = 'none' | 'workspace members' | 'workspace tickets' | 'every ticket';

function allowance(growth: Growth, crowd: Crowd): number {
  const here = crowd.inWorkspace(WORKSPACE);
  switch (growth) {
    case 'none':
      return 0;
    case 'workspace members':
      // A membership and its account each.
      return 2 * here.members;
    case 'workspace tickets':
      return here.tickets + here.requesters;
    case 'every ticket':
      return crowd.tickets + crowd.members;
  }
}

interface People {
  alice: ApiClient;
  owner: ApiClient;
  support: ApiClient;
  /** Bob at the login's code step. */
  pendingBob: ApiClient;
  aliceTicketId: string;
  bobUnbindTicketId: string;
}

/** The same people and tickets in either world, made after the crowd (if any) came. */
async function people(): Promise<People> {
  const steps = ticketApiSteps(api);
  const alice = await api.signedIn('alice@example.com');
  const aliceTicketId = (await steps.fileBugReport(alice)).id;
  await steps.fileBugReport(alice, { title: 'Alerts arrive late' });

  const bob = await steps.pendingBob();
  const code = await steps.ticketCode(bob);
  const bobUnbindTicketId = (await created(await bob.post(paths.tickets.href, unbindRequest(code))))
    .id;

  // The Owner binds MFA, so switching mandatory MFA on is theirs to do (MANDATORY-1).
  await steps.bindMfa('owner@example.com');
  const owner = await api.signedIn('owner@example.com');
  expectOk(
    await owner.post(paths.sessionMfa.href, { code: totpAt(BOB_TOTP_SECRET, api.time.now) }),
  );

  const support = await activeAgent(api);
  const pendingBob = await steps.pendingBob();

  // Read-only list rows come from the store's copy, made on the first list.
  expectOk(await alice.get(paths.workspaceTickets.href(WORKSPACE)));
  expectOk(await support.get(paths.supportTickets.href));
  return { alice, owner, support, pendingBob, aliceTicketId, bobUnbindTicketId };
}

interface Scenario {
  name: string;
  growth: Growth;
  request: (who: People) => Promise<ApiResponse>;
  /**
   * For a request that reads a whole workspace, or every ticket: a number in
   * its answer that must grow by what the crowd added, so a plan that read
   * less would be caught answering less.
   */
  counts?: { of: (body: unknown) => number; added: (crowd: Crowd) => number };
}

const here = (crowd: Crowd) => crowd.inWorkspace(WORKSPACE);

const SCENARIOS: Scenario[] = [
  { name: 'GET /session', growth: 'none', request: ({ alice }) => alice.get(paths.session.href) },
  {
    name: 'POST /session',
    growth: 'none',
    request: () => api.client().logIn('alice@example.com'),
  },
  {
    name: 'POST /session/mfa',
    growth: 'none',
    request: ({ pendingBob }) =>
      pendingBob.post(paths.sessionMfa.href, { code: totpAt(BOB_TOTP_SECRET, api.time.now) }),
  },
  { name: 'GET /account', growth: 'none', request: ({ alice }) => alice.get(paths.account.href) },
  {
    name: 'GET /account/sessions',
    growth: 'none',
    request: ({ alice }) => alice.get(paths.accountSessions.href),
  },
  {
    name: 'GET /account/remembered-browsers',
    growth: 'none',
    request: ({ alice }) => alice.get(paths.rememberedBrowsers.href),
  },
  {
    name: 'GET /account/audit (a page)',
    growth: 'none',
    request: ({ alice }) => alice.get(`${paths.accountAudit.href}?page=1&pageSize=20`),
  },
  {
    name: 'GET /workspaces/:id',
    growth: 'workspace members',
    request: ({ alice }) => alice.get(paths.workspace.href(WORKSPACE)),
    counts: {
      of: (body) => workspaceSchema.parse(body).memberCount,
      added: (crowd) => here(crowd).members,
    },
  },
  {
    name: 'GET /workspaces/:id/members',
    growth: 'workspace members',
    request: ({ owner }) => owner.get(paths.workspaceMembers.href(WORKSPACE)),
    counts: {
      of: (body) => memberListSchema.parse(body).members.length,
      added: (crowd) => here(crowd).members,
    },
  },
  {
    name: 'POST /tickets',
    growth: 'none',
    request: ({ alice }) => alice.post(paths.tickets.href, BUG_REPORT),
  },
  {
    name: 'GET /tickets/:id',
    growth: 'none',
    request: ({ alice, aliceTicketId }) => alice.get(paths.ticket.href(aliceTicketId)),
  },
  {
    name: "GET /support/tickets/:id (the agent's ticket page)",
    growth: 'none',
    request: ({ support, bobUnbindTicketId }) =>
      support.get(paths.supportTicket.href(bobUnbindTicketId)),
  },
  {
    name: 'GET /tickets (My Tickets)',
    growth: 'none',
    request: ({ alice }) => alice.get(paths.tickets.href),
  },
  {
    name: 'GET /workspaces/:id/tickets (first page)',
    growth: 'workspace tickets',
    request: ({ alice }) => alice.get(`${paths.workspaceTickets.href(WORKSPACE)}?page=1`),
    counts: {
      of: (body) => ticketPageSchema.parse(body).total,
      added: (crowd) => here(crowd).tickets,
    },
  },
  {
    name: 'GET /workspaces/:id/tickets (title search)',
    growth: 'workspace tickets',
    request: ({ alice }) => alice.get(`${paths.workspaceTickets.href(WORKSPACE)}?q=dashboard`),
  },
  {
    name: 'GET /workspaces/:id/tickets/export',
    growth: 'workspace tickets',
    request: ({ alice }) => alice.get(paths.workspaceTicketsExport.href(WORKSPACE)),
    counts: {
      of: (body) => ticketExportSchema.parse(body).tickets.length,
      added: (crowd) => here(crowd).tickets,
    },
  },
  {
    name: 'GET /support/tickets (the queue)',
    growth: 'every ticket',
    request: ({ support }) => support.get(paths.supportTickets.href),
    counts: { of: (body) => ticketPageSchema.parse(body).total, added: (crowd) => crowd.tickets },
  },
  {
    // POSTURE-1: each member's keys by the accountId index, a few per member at most.
    name: 'GET /workspaces/:id/mfa-posture',
    growth: 'workspace members',
    request: ({ owner }) => owner.get(paths.workspaceMfaPosture.href(WORKSPACE)),
    counts: {
      of: (body) => mfaPostureSchema.parse(body).members.length,
      added: (crowd) => here(crowd).members,
    },
  },
  // Last: it switches mandatory MFA on, with a grace period, for the requests above.
  {
    name: 'PUT /workspaces/:id/security',
    growth: 'workspace members',
    request: ({ owner }) =>
      owner.put(paths.workspaceSecurity.href(WORKSPACE), { mfaRequired: true, graceDays: 7 }),
    counts: {
      of: (body) => mfaPolicySchema.parse(body).unboundMemberCount ?? -1,
      added: (crowd) => here(crowd).members,
    },
  },
];

async function readsOfEach(who: People): Promise<{ reads: Reads; body: unknown }[]> {
  const seen: { reads: Reads; body: unknown }[] = [];
  for (const { name, request } of SCENARIOS) {
    let response: ApiResponse | null = null;
    const reads = await meter.during(async () => {
      response = await request(who);
    });
    const answered = response as ApiResponse | null;
    expect(answered?.status, name).toBeLessThan(300);
    seen.push({ reads, body: answered?.body });
  }
  return seen;
}

describe('what a request reads as the data grows (SERVER-2)', () => {
  it('stays within twice the demo data for every hot endpoint, but what it lists', async () => {
    const demo = await readsOfEach(await people());

    api.restart();
    const crowd = await addCrowd(api.server, CROWD);
    expect(crowd.members).toBe(2_000);
    const large = await readsOfEach(await people());

    const table = SCENARIOS.map((scenario, index) => ({
      ...scenario,
      demo: demo[index],
      large: large[index],
    }));
    // READ_COUNTS=1 prints what each request read, for a reader who wants the numbers.
    if (process.env.READ_COUNTS) console.warn(table.map(asLine).join('\n'));
    for (const { name, growth, counts, demo: small, large: big } of table) {
      if (!small || !big) throw new Error(`no reads for ${name}`);
      const bound = (seen: number) => 2 * seen + SLACK + allowance(growth, crowd);
      expect(big.reads.loaded, `${name}: records loaded`).toBeLessThanOrEqual(
        bound(small.reads.loaded),
      );
      expect(big.reads.fetched, `${name}: records fetched`).toBeLessThanOrEqual(
        bound(small.reads.fetched),
      );
      if (counts) {
        expect(counts.of(big.body) - counts.of(small.body), `${name}: what it counts`).toBe(
          counts.added(crowd),
        );
      }
    }
  }, 120_000);
});

function asLine(row: {
  name: string;
  growth: Growth;
  demo?: { reads: Reads };
  large?: { reads: Reads };
}): string {
  const pair = (key: 'loaded' | 'fetched') => `${row.demo?.reads[key]} -> ${row.large?.reads[key]}`;
  return `${row.name}: loaded ${pair('loaded')}, fetched ${pair('fetched')} (grows: ${row.growth})`;
}
