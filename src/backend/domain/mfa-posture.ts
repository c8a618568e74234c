import { RECOVERY_CODES_LOW } from '@/api/limits';
import type { MfaPosture, PostureMember } from '@/api/schemas/workspace';
import { accountById, mfaGraceEndsAt } from './accounts';
import type { DomainContext } from './context';
import { recoveryCodesLeft } from './recovery-codes';
import { keysOf } from './security-keys';
import type { ServerState, WorkspaceRecord } from './state';
import { iso, memberView } from './views';
import { membersOf } from './workspaces';

/**
 * POSTURE-1: how well the workspace's members are covered by MFA, derived from
 * the records at hand (no stored tally to drift): who is bound, who is not, who
 * is down to RECOVERY_CODES_LOW recovery codes or fewer, who has a security
 * key (KEY-1), and the grace deadline.
 */
export function mfaPostureView(
  state: ServerState,
  ctx: DomainContext,
  workspace: WorkspaceRecord,
): MfaPosture {
  const members = membersOf(state, workspace.id).map((membership): PostureMember => {
    const { mfa } = accountById(state, membership.accountId);
    const left = mfa === null ? null : recoveryCodesLeft(mfa.recoveryCodes);
    return {
      ...memberView(state, membership),
      recoveryCodesLeft: left,
      fewRecoveryCodes: left !== null && left <= RECOVERY_CODES_LOW,
      hasSecurityKey: keysOf(state, membership.accountId).length > 0,
    };
  });
  const graceEndsAt = mfaGraceEndsAt(workspace, ctx.now);
  const boundCount = members.filter((member) => member.mfaBound).length;
  return {
    boundCount,
    unboundCount: members.length - boundCount,
    fewRecoveryCodesCount: members.filter((member) => member.fewRecoveryCodes).length,
    securityKeyCount: members.filter((member) => member.hasSecurityKey).length,
    graceEndsAt: graceEndsAt === null ? null : iso(graceEndsAt),
    members,
  };
}
