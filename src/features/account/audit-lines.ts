import type { AuditEvent } from '@/api/schemas/mfa';
import { formatDateTime } from '@/lib/format';
import { isMessageKey, type MessageKey, type Translate } from '@/lib/i18n/i18n';
import type { Language } from '@/lib/preferences';

/**
 * LOG-1: how an event reads. By default `audit.<event>` of the catalogue, so
 * an event added to the server needs one catalogue line; an event with
 * variants picks its line from its detail here; an event the catalogue does
 * not know yet still shows, with a generic line, rather than hiding.
 */
const VARIANTS: Partial<Record<string, (detail: AuditEvent['detail']) => MessageKey | null>> = {
  'mfa.unbound': (detail) =>
    typeof detail.agent === 'string'
      ? 'audit.mfa.unboundByAgent'
      : detail.by === 'support'
        ? 'audit.mfa.unboundBySupport'
        : null,
  'signin.mfa': (detail) =>
    detail.factor === 'recovery'
      ? 'audit.signin.recovery_code'
      : detail.factor === 'security_key'
        ? 'audit.signin.security_key'
        : null,
  'mfa.key_removed': (detail) =>
    detail.reason === 'unbound' ? 'audit.mfa.key_removedWithBinding' : null,
  'session.ended': (detail) =>
    detail.reason === 'authenticator_changed'
      ? 'audit.session.endedAuthenticatorChanged'
      : detail.reason === 'recovery_codes_regenerated'
        ? 'audit.session.endedRecoveryCodes'
        : null,
  // REMEMBER-1: all of them forgotten says why; one forgotten by hand reads plainly.
  'browser.forgotten': (detail) => {
    const key = `audit.browser.forgotten.${String(detail.reason)}`;
    return isMessageKey(key) ? key : null;
  },
  'workspace.mfa_required_on': (detail) =>
    typeof detail.graceUntil === 'number' ? 'audit.workspace.mfa_required_onGrace' : null,
};

/** Details that are instants (epoch milliseconds), shown in the reader's language and zone. */
const INSTANTS = new Set(['until', 'graceUntil']);

export function auditLine(t: Translate, language: Language, entry: AuditEvent): string {
  const values: Record<string, string | number | boolean> = { event: entry.event };
  for (const [name, value] of Object.entries(entry.detail)) {
    values[name] =
      INSTANTS.has(name) && typeof value === 'number' ? formatDateTime(value, language) : value;
  }
  const variant = VARIANTS[entry.event]?.(entry.detail);
  if (variant) return t(variant, values);
  const key = `audit.${entry.event}`;
  return isMessageKey(key) ? t(key, values) : t('audit.unknown', values);
}

/** "Chrome 120 on Linux", with the parts the server could not name translated. */
export function deviceLine(t: Translate, device: NonNullable<AuditEvent['device']>): string {
  return t('audit.device', {
    browser: device.browser === 'Unknown' ? t('audit.unknownBrowser') : device.browser,
    os: device.os === 'Unknown' ? t('audit.unknownOs') : device.os,
  });
}
