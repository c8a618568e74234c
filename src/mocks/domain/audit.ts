import type { AuditEventName } from '@/api/schemas/mfa';
import type { DomainContext } from './context';
import { randomId } from './encoding';
import { AUDIT_MAX_ENTRIES_PER_ACCOUNT } from './limits';
import type { AuditRecord, ServerState } from './state';

/** Records an event. `detail` must never hold a secret or a code (MOCK-6). */
export function recordAudit(
  state: ServerState,
  ctx: DomainContext,
  accountId: string,
  event: AuditEventName,
  detail: AuditRecord['detail'] = {},
): void {
  state.audit.push({ id: randomId(ctx.randomBytes, 'evt'), accountId, event, at: ctx.now, detail });
  const own = state.audit.filter((entry) => entry.accountId === accountId);
  if (own.length > AUDIT_MAX_ENTRIES_PER_ACCOUNT) {
    const oldest = own[0];
    state.audit = state.audit.filter((entry) => entry !== oldest);
  }
}

export function auditOf(state: ServerState, accountId: string): AuditRecord[] {
  return state.audit.filter((entry) => entry.accountId === accountId).reverse();
}
