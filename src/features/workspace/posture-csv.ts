import type { MfaPosture } from '@/api/schemas/workspace';
import { csvDocument, isoWithOffset } from '@/lib/csv';
import type { Translate } from '@/lib/i18n/i18n';

/**
 * POSTURE-1: one row per member, with the headings and words in the user's
 * language; a bind-by date only for the unbound, while a grace period runs;
 * whether the member has a security key (KEY-1).
 */
export function postureCsv(posture: MfaPosture, t: Translate): string {
  const header = [
    t('members.name'),
    t('members.email'),
    t('members.role'),
    t('members.mfa'),
    t('posture.csv.recoveryCodesLeft'),
    t('posture.csv.fewRecoveryCodes'),
    t('posture.csv.bindBy'),
    t('posture.csv.securityKey'),
  ];
  const bindBy = posture.graceEndsAt === null ? '' : isoWithOffset(posture.graceEndsAt);
  const rows = posture.members.map((member) => [
    member.name,
    member.email,
    t(`role.${member.role}`),
    member.mfaBound ? t('account.bound') : t('account.notBound'),
    member.recoveryCodesLeft === null ? '' : String(member.recoveryCodesLeft),
    member.fewRecoveryCodes ? t('common.yes') : t('common.no'),
    member.mfaBound ? '' : bindBy,
    member.hasSecurityKey ? t('common.yes') : t('common.no'),
  ]);
  return csvDocument([header, ...rows]);
}

export function postureCsvFileName(now: Date): string {
  return `mfa-posture-${now.toISOString().slice(0, 10)}.csv`;
}
