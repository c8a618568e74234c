import {
  AUDIT_EVENT_KINDS,
  type AuditEventName,
  type AuditKind,
  type AuditListQuery,
} from '@/api/schemas/mfa';
import type { DomainContext } from './context';
import { randomId } from './encoding';
import { AUDIT_MAX_ENTRIES_PER_ACCOUNT, AUDIT_PAGE_SIZE_DEFAULT } from './limits';
import type { AuditRecord, ServerState } from './state';
import { describeUserAgent } from './user-agent';

/**
 * Records an event, with the browser of the request that caused it, described
 * when written so the raw User-Agent is never kept (LOG-1). `detail` must never
 * hold a secret or a code (MOCK-6).
 */
export function recordAudit(
  state: ServerState,
  ctx: DomainContext,
  accountId: string,
  event: AuditEventName,
  detail: AuditRecord['detail'] = {},
): void {
  state.audit.push({
    id: randomId(ctx.randomBytes, 'evt'),
    accountId,
    event,
    at: ctx.now,
    device: ctx.userAgent === undefined ? null : describeUserAgent(ctx.userAgent),
    detail,
  });
  const own = state.audit.filter((entry) => entry.accountId === accountId);
  if (own.length > AUDIT_MAX_ENTRIES_PER_ACCOUNT) {
    const oldest = own[0];
    state.audit = state.audit.filter((entry) => entry !== oldest);
  }
}

/** The account's events, newest first. */
export function auditOf(state: ServerState, accountId: string): AuditRecord[] {
  return state.audit.filter((entry) => entry.accountId === accountId).reverse();
}

export function auditKindOf(event: AuditEventName): AuditKind {
  return AUDIT_EVENT_KINDS[event];
}

/** LOG-1: one page of the account's events, newest first, of one kind if asked. */
export function auditPage(
  state: ServerState,
  accountId: string,
  query: AuditListQuery,
): { entries: AuditRecord[]; total: number; page: number; pageSize: number } {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? AUDIT_PAGE_SIZE_DEFAULT;
  const matching = auditOf(state, accountId).filter(
    (entry) => query.kind === undefined || auditKindOf(entry.event) === query.kind,
  );
  const start = (page - 1) * pageSize;
  return {
    entries: matching.slice(start, start + pageSize),
    total: matching.length,
    page,
    pageSize,
  };
}
