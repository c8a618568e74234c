import { LARGE_DEMO_TICKETS_PER_BATCH, MINUTE_MS } from '@/api/limits';
import { sha256Hex } from '@/backend/domain/encoding';
import { addLargeDemoBatch, LARGE_DEMO_MEMBERS } from '@/backend/domain/large-demo';
import { OUTBOX_MAX_MESSAGES } from '@/backend/domain/limits';
import type { AccountRecord, ServerState } from '@/backend/domain/state';
import type { TestBackend } from './everything-by-default';

/** How big the crowd is: members beyond the large demo's, and its batches of 1,000 tickets. */
export interface CrowdSize {
  members: number;
  ticketBatches: number;
}

/** What the crowd added where a request may legitimately read all of it. */
export interface Crowd {
  members: number;
  tickets: number;
  /** Members, tickets and distinct requesters the crowd added to one workspace. */
  inWorkspace(workspaceId: string): { members: number; tickets: number; requesters: number };
}

/**
 * Everyone else: members in every workspace, each with a live session, a bind
 * wizard, security log entries, an email code and its send, a login throttle,
 * an Idempotency-Key and an unused upload, a full outbox, and the large
 * demo's tickets (requested by its members). A plan that loads any of these
 * collections whole, instead of the caller's records, reads them all.
 */
function addCrowdRecords(state: ServerState, now: number, members: number): void {
  const template = state.accounts.find((account) => account.id === 'acc_alice');
  if (!template) throw new Error('no template account');
  const workspaces = state.workspaces.map((workspace) => workspace.id);
  for (let index = 0; index < members; index += 1) {
    const id = `acc_crowd_${index}`;
    const account: AccountRecord = {
      ...structuredClone(template),
      id,
      email: `crowd${index}@crowd.example.com`,
      name: `Crowd ${index}`,
      mfa: null,
    };
    state.accounts.push(account);
    state.memberships.push({
      accountId: id,
      workspaceId: workspaces[index % workspaces.length] ?? '',
      role: 'member',
      joinedAt: now,
    });
    const sessionId = `ses_crowd_${index}`;
    state.sessions.push({
      id: sessionId,
      tokenHash: sha256Hex(`crowd session ${index}`),
      accountId: id,
      state: 'active',
      workspaceId: workspaces[index % workspaces.length] ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + 60 * MINUTE_MS,
      userAgent: null,
    });
    state.enrollments.push({
      kind: 'bind',
      accountId: id,
      sessionId,
      identityVerifiedUntil: now + 10 * MINUTE_MS,
      secret: null,
      secretExpiresAt: null,
    });
    for (const at of [now - 2, now - 1]) {
      state.audit.push({
        id: `evt_crowd_${index}_${at}`,
        accountId: id,
        event: 'signin.password',
        at,
        device: null,
        detail: {},
      });
    }
    state.emailCodes.push({
      accountId: id,
      purpose: 'bind',
      salt: 'salt',
      hash: 'hash',
      expiresAt: now + 10 * MINUTE_MS,
      failures: 0,
    });
    state.emailSends.push({ accountId: id, purpose: 'bind', at: now - 1 });
    state.loginThrottle.push({
      emailHash: sha256Hex(`crowd throttle ${index}`),
      failures: 1,
      lockedUntil: null,
      lastFailureAt: now,
      failuresInARow: 1,
    });
    state.idempotencyKeys.push({
      accountId: id,
      key: `crowd-${index}`,
      requestHash: 'hash',
      ticketId: 'tkt_large_1',
      expiresAt: now + 60 * MINUTE_MS,
    });
    state.attachments.push({
      id: `att_crowd_${index}`,
      name: 'screen.png',
      contentType: 'image/png',
      size: 10,
      ownerId: id,
      uploadedAt: now,
      ticketId: null,
    });
  }
  for (let index = 0; index < OUTBOX_MAX_MESSAGES; index += 1) {
    state.outbox.push({
      id: `mail_crowd_${index}`,
      to: `crowd${index}@crowd.example.com`,
      subject: 'Hello',
      body: 'Hello',
      sentAt: now,
    });
  }
}

/** Adds the crowd through the core, a transaction per batch like the dev tools' large demo. */
export async function addCrowd(server: TestBackend, size: CrowdSize): Promise<Crowd> {
  for (let batch = 0; batch < size.ticketBatches; batch += 1) {
    await server.run((state, ctx) => addLargeDemoBatch(state, ctx, batch));
  }
  await server.run((state, ctx) => addCrowdRecords(state, ctx.now, size.members));
  const counts = await server.run((state) => {
    const crowdMember = (id: string) => id.startsWith('acc_large_') || id.startsWith('acc_crowd_');
    const byWorkspace = new Map<string, { members: number; tickets: number; requesters: number }>();
    for (const workspace of state.workspaces) {
      const tickets = state.tickets.filter(
        (ticket) => ticket.workspaceId === workspace.id && crowdMember(ticket.requesterId),
      );
      byWorkspace.set(workspace.id, {
        members: state.memberships.filter(
          (membership) =>
            membership.workspaceId === workspace.id && crowdMember(membership.accountId),
        ).length,
        tickets: tickets.length,
        requesters: new Set(tickets.map((ticket) => ticket.requesterId)).size,
      });
    }
    return byWorkspace;
  });
  return {
    members: LARGE_DEMO_MEMBERS + size.members,
    tickets: size.ticketBatches * LARGE_DEMO_TICKETS_PER_BATCH,
    inWorkspace: (workspaceId) =>
      counts.get(workspaceId) ?? { members: 0, tickets: 0, requesters: 0 },
  };
}
