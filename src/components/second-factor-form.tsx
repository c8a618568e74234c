import { type ReactNode, useState } from 'react';
import type { SecondFactor } from '@/api/schemas/mfa';
import { useT } from '@/lib/i18n/i18n';
import { Button } from './button';
import { CodeForm } from './code-form';
import { RecoveryCodeForm } from './recovery-code-form';

/**
 * The 6-digit dynamic code, or, after **Use a recovery code**, one of the
 * account's recovery codes (RECOVERY-2): at login and at every step-up that
 * takes either (unbind, change authenticator). `onModeChange` lets the host
 * reword what it says around the form.
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
}: {
  onSubmit: (proof: SecondFactor) => void;
  pending: boolean;
  error: unknown;
  secondary?: ReactNode;
  deadline?: number;
  focusOnMount?: boolean;
  onModeChange?: (mode: 'code' | 'recovery') => void;
  /** Called when the user switches, so the host can forget the other form's refusal. */
  onSwitch?: () => void;
}) {
  const t = useT();
  const [mode, setMode] = useState<'code' | 'recovery'>('code');

  function switchTo(next: 'code' | 'recovery') {
    setMode(next);
    onSwitch?.();
    onModeChange?.(next);
  }

  const toggle = (
    <Button
      variant="link"
      onClick={() => switchTo(mode === 'code' ? 'recovery' : 'code')}
      disabled={pending}
    >
      {mode === 'code' ? t('recovery.use') : t('recovery.useApp')}
    </Button>
  );

  return (
    <>
      {mode === 'code' ? (
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
      {toggle}
    </>
  );
}
