import { useState } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { SecondFactorForm } from '@/components/second-factor-form';
import { useT } from '@/lib/i18n/i18n';
import { useUnbindMfa } from './api/mfa-mutations';
import { useSecurityKeys, useStepUpKey } from './api/security-key-requests';

/**
 * UNBIND-1: Unbind, and the dialog that asks for the current dynamic code, or
 * a key (KEY-2); it says first that the keys are removed too (KEY-4).
 */
export function UnbindButton({ onUnbound }: { onUnbound: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const unbind = useUnbindMfa(() => {
    setOpen(false);
    onUnbound();
  });
  const securityKey = useStepUpKey();
  const keyCount = useSecurityKeys().data?.keys.length ?? 0;

  return (
    <>
      <Button
        onClick={() => {
          unbind.reset();
          setOpen(true);
        }}
      >
        {t('account.unbind')}
      </Button>
      <Dialog
        open={open}
        title={t('unbind.title')}
        description={
          // KEY-4: the user is told before confirming that the keys go too.
          keyCount > 0
            ? `${t('keys.unbindText')} ${t('keys.unbindRemovesKeys', { count: keyCount })}`
            : t('unbind.text')
        }
        onClose={() => setOpen(false)}
        dismissible={!unbind.isPending}
      >
        <SecondFactorForm
          onSubmit={(proof) => unbind.mutate(proof)}
          pending={unbind.isPending}
          error={unbind.error}
          onSwitch={() => unbind.reset()}
          securityKey={securityKey}
          secondary={
            <Button onClick={() => setOpen(false)} disabled={unbind.isPending}>
              {t('common.cancel')}
            </Button>
          }
        />
      </Dialog>
    </>
  );
}
