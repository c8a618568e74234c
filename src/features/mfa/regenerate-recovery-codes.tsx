import { useState } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { SecondFactorForm } from '@/components/second-factor-form';
import { useT } from '@/lib/i18n/i18n';
import { useRegenerateRecoveryCodes } from './api/mfa-mutations';
import { useStepUpKey } from './api/security-key-requests';
import { RecoveryCodesStep } from './recovery-codes-step';

/**
 * RECOVERY-3: Regenerate asks for a dynamic code (or a key, KEY-2); the answer's new set is
 * shown once, like RECOVERY-1, and the dialog stays until the user says the
 * codes are saved.
 */
export function RegenerateRecoveryCodes({ label }: { label?: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [done, setDone] = useState(false);
  const regenerate = useRegenerateRecoveryCodes();
  const securityKey = useStepUpKey();

  function close() {
    setOpen(false);
    setCodes(null);
  }

  return (
    <>
      <Button
        onClick={() => {
          regenerate.reset();
          setDone(false);
          setCodes(null);
          setOpen(true);
        }}
      >
        {label ?? t('recovery.regenerate')}
      </Button>
      {done && (
        // SESSION-2: the server ended every other session of the account.
        <Alert tone="success">{`${t('recovery.regenerated')} ${t('sessions.signedOutOthers')}`}</Alert>
      )}
      <Dialog
        open={open}
        title={codes ? t('recovery.newTitle') : t('recovery.regenerateTitle')}
        description={codes ? undefined : t('recovery.regenerateText')}
        onClose={close}
        // Once shown, the codes leave only when the user says they saved them.
        dismissible={!regenerate.isPending && codes === null}
      >
        {codes ? (
          <RecoveryCodesStep
            codes={codes}
            withHeading={false}
            onFinish={() => {
              close();
              setDone(true);
            }}
          />
        ) : (
          <SecondFactorForm
            allowRecovery={false}
            securityKey={securityKey}
            onSubmit={(proof) => {
              if ('recoveryCode' in proof) return;
              regenerate.mutate(proof, { onSuccess: (result) => setCodes(result.recoveryCodes) });
            }}
            onSwitch={() => regenerate.reset()}
            pending={regenerate.isPending}
            error={regenerate.error}
            secondary={
              <Button onClick={close} disabled={regenerate.isPending}>
                {t('common.cancel')}
              </Button>
            }
          />
        )}
      </Dialog>
    </>
  );
}
