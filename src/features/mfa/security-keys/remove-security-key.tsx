import { useState } from 'react';
import type { SecurityKey } from '@/api/schemas/security-keys';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { SecondFactorForm } from '@/components/second-factor-form';
import { useT } from '@/lib/i18n/i18n';
import { requestStepUpKeyOptions, useRemoveSecurityKey } from '../api/security-key-requests';

/** KEY-1: removing a key asks for a second factor: a code, a recovery code or a key. */
export function RemoveSecurityKey({ securityKey }: { securityKey: SecurityKey }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const remove = useRemoveSecurityKey();

  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        aria-label={t('keys.removeLabel', { name: securityKey.name })}
        onClick={() => {
          remove.reset();
          setOpen(true);
        }}
      >
        {t('keys.remove')}
      </Button>
      <Dialog
        open={open}
        title={t('keys.removeTitle', { name: securityKey.name })}
        description={t('keys.removeText')}
        onClose={() => setOpen(false)}
        dismissible={!remove.isPending}
      >
        <SecondFactorForm
          securityKey={{ requestOptions: requestStepUpKeyOptions }}
          onSubmit={(proof) =>
            remove.mutate({ id: securityKey.id, proof }, { onSuccess: () => setOpen(false) })
          }
          pending={remove.isPending}
          error={remove.error}
          onSwitch={() => remove.reset()}
          secondary={
            <Button onClick={() => setOpen(false)} disabled={remove.isPending}>
              {t('common.cancel')}
            </Button>
          }
        />
      </Dialog>
    </>
  );
}
