import { useState } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { SecondFactorForm } from '@/components/second-factor-form';
import { useT } from '@/lib/i18n/i18n';
import { useUnbindMfa } from './api/mfa-mutations';

/** UNBIND-1: Unbind, and the dialog that asks for the current dynamic code. */
export function UnbindButton({ onUnbound }: { onUnbound: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const unbind = useUnbindMfa(() => {
    setOpen(false);
    onUnbound();
  });

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
        description={t('unbind.text')}
        onClose={() => setOpen(false)}
        dismissible={!unbind.isPending}
      >
        <SecondFactorForm
          onSubmit={(proof) => unbind.mutate(proof)}
          pending={unbind.isPending}
          error={unbind.error}
          onSwitch={() => unbind.reset()}
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
