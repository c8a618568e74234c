import type { DomainContext } from './context';
import { ENROLLMENT_IDENTITY_TTL_MS } from './limits';
import type { AccountRecord, EnrollmentRecord, ServerState, SessionRecord } from './state';

/**
 * A wizard the session may go on with once the account holder is proven: by
 * the emailed code for a new binding (BIND-1), by the old app for a change
 * (RECOVERY-4). It replaces any wizard the session had; no secret yet.
 */
export function openEnrollment(
  state: ServerState,
  ctx: DomainContext,
  account: AccountRecord,
  session: SessionRecord,
  kind: EnrollmentRecord['kind'],
): void {
  state.enrollments = state.enrollments.filter((entry) => entry.sessionId !== session.id);
  state.enrollments.push({
    kind,
    accountId: account.id,
    sessionId: session.id,
    identityVerifiedUntil: ctx.now + ENROLLMENT_IDENTITY_TTL_MS,
    secret: null,
    secretExpiresAt: null,
  });
}
