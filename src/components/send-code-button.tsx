import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '@/lib/i18n/i18n';
import { useNow } from '@/lib/use-now';
import { Button } from './button';

/**
 * "Get Verification Code", then a resend countdown (BIND-1, TICKET-4). The
 * server says how long to wait, so the countdown survives a reload. While it
 * runs the button stays focusable (aria-disabled, not disabled), so a keyboard
 * user reaches it and hears how long is left; a polite live region says when
 * a new code may be asked for.
 */
export function SendCodeButton({
  mutation,
  initialResendInSeconds,
}: {
  mutation: UseMutationResult<{ resendInSeconds: number }, Error, void>;
  initialResendInSeconds: number | null;
}) {
  const t = useT();
  const [resendAt, setResendAt] = useState<number | null>(() =>
    initialResendInSeconds === null ? null : Date.now() + initialResendInSeconds * 1000,
  );
  const now = useNow(resendAt !== null);
  const secondsLeft = resendAt === null ? 0 : Math.max(0, Math.ceil((resendAt - now) / 1000));
  const codeSent = resendAt !== null || mutation.isSuccess;
  const waiting = secondsLeft > 0;

  return (
    <>
      <Button
        onClick={() => {
          if (waiting) return;
          mutation.mutate(undefined, {
            onSuccess: ({ resendInSeconds }) => setResendAt(Date.now() + resendInSeconds * 1000),
          });
        }}
        busy={mutation.isPending}
        aria-disabled={waiting || undefined}
      >
        {waiting
          ? t('bind.resendIn', { seconds: secondsLeft })
          : codeSent
            ? t('bind.resend')
            : t('bind.getCode')}
      </Button>
      <span role="status" className="visually-hidden">
        {codeSent && !waiting && resendAt !== null ? t('bind.resendReady') : ''}
      </span>
    </>
  );
}
