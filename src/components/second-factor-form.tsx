import { type ReactNode, useState } from 'react';
import type { SecondFactor } from '@/api/schemas/mfa';
import { useT } from '@/lib/i18n/i18n';
import { Button } from './button';
import { CodeForm } from './code-form';
import { RecoveryCodeForm } from './recovery-code-form';
import { SecurityKeyPrompt, securityKeysSupported } from './security-key-prompt';

export type SecondFactorMode = 'key' | 'code' | 'recovery';

/**
 * The 6-digit dynamic code, or, after **Use a recovery code**, one of the
 * account's recovery codes (RECOVERY-2): at login and at every step-up that
 * takes either (unbind, change authenticator). When the host can fetch a key
 * challenge (the account has a key) and the browser speaks WebAuthn, a
 * security key is offered first, the codes one click away (KEY-2).
 * `onModeChange` lets the host reword what it says around the form.
 */
export function SecondFactorForm({
  onSubmit,
  pending,
  error,
  secondary,
  deadline,
  focusOnMount = true,
  onModeChange,
  onSwitch,
  securityKey,
  allowRecovery = true,
}: {
  onSubmit: (proof: SecondFactor) => void;
  pending: boolean;
  error: unknown;
  secondary?: ReactNode;
  deadline?: number;
  focusOnMount?: boolean;
  onModeChange?: (mode: SecondFactorMode) => void;
  /** Called when the user switches, so the host can forget the other form's refusal. */
  onSwitch?: () => void;
  /** How to fetch a key challenge; absent when the account has no key. */
  securityKey?: { requestOptions: () => Promise<unknown> } | undefined;
  /** False where a recovery code does not do (adding a key, KEY-1). */
  allowRecovery?: boolean;
}) {
  const t = useT();
  const keyOffered = securityKey !== undefined && securityKeysSupported();
  const [mode, setMode] = useState<SecondFactorMode>(keyOffered ? 'key' : 'code');

  function switchTo(next: SecondFactorMode) {
    setMode(next);
    onSwitch?.();
    onModeChange?.(next);
  }

  const switchLink = (to: SecondFactorMode) => (
    <Button key={to} variant="link" onClick={() => switchTo(to)} disabled={pending}>
      {to === 'key' ? t('keys.use') : to === 'recovery' ? t('recovery.use') : t('recovery.useApp')}
    </Button>
  );
  const others = (['key', 'code', 'recovery'] as const).filter(
    (other) =>
      other !== mode && (other !== 'key' || keyOffered) && (other !== 'recovery' || allowRecovery),
  );

  return (
    <>
      {mode === 'key' && securityKey ? (
        <SecurityKeyPrompt
          requestOptions={securityKey.requestOptions}
          onAssertion={(assertion) => onSubmit({ securityKey: assertion })}
          pending={pending}
          error={error}
          secondary={secondary}
        />
      ) : mode === 'code' ? (
        <CodeForm
          label={t('code.dynamicLabel')}
          onSubmit={(code) => onSubmit({ code })}
          pending={pending}
          error={error}
          secondary={secondary}
          focusOnMount={focusOnMount}
          {...(deadline !== undefined ? { deadline } : {})}
        />
      ) : (
        <RecoveryCodeForm
          // Switching is the user's own move: the field it shows takes focus.
          focusOnMount
          onSubmit={(recoveryCode) => onSubmit({ recoveryCode })}
          pending={pending}
          error={error}
          secondary={secondary}
          {...(deadline !== undefined ? { deadline } : {})}
        />
      )}
      {others.map(switchLink)}
    </>
  );
}
