import { useState } from 'react';
import { isApiError } from '@/api/api-error';
import { SECURITY_KEY_NAME_MAX_LENGTH } from '@/api/limits';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { SecondFactorForm } from '@/components/second-factor-form';
import { TextField } from '@/components/text-field';
import { errorMessage, fieldMessage } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { requestStepUpKeyOptions, useAddSecurityKey } from '../api/security-key-requests';
import styles from './security-keys.module.css';

/**
 * KEY-1: **Add a security key**: a name, then a fresh dynamic code (or a key
 * already added), then the browser's prompt. A prompt closed or timed out is
 * an ordinary message and the dialog stays, name kept, to try again.
 */
export function AddSecurityKey({ hasKeys, full }: { hasKeys: boolean; full: boolean }) {
  const t = useT();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [nameMissing, setNameMissing] = useState(false);
  const add = useAddSecurityKey();

  const nameError = nameMissing
    ? fieldMessage(t, 'required')
    : isApiError(add.error)
      ? fieldMessage(t, add.error.fieldErrors?.name)
      : undefined;
  // A refusal of the code or the key shows in the form; a prompt that failed, here.
  const promptFailed = add.error !== null && !isApiError(add.error);
  const keyRefusal =
    isApiError(add.error) &&
    (add.error.code === 'SECURITY_KEY_EXISTS' || add.error.code === 'SECURITY_KEY_LIMIT');

  return (
    <>
      <Button
        onClick={() => {
          add.reset();
          setName('');
          setNameMissing(false);
          setOpen(true);
        }}
        disabled={full}
      >
        {t('keys.add')}
      </Button>
      {full && <p className={styles.muted}>{t('keys.full')}</p>}
      <Dialog
        open={open}
        title={t('keys.addTitle')}
        description={t('keys.addText')}
        onClose={() => setOpen(false)}
        dismissible={!add.isPending}
      >
        <div className={styles.dialogBody}>
          <TextField
            label={t('keys.name')}
            value={name}
            maxLength={SECURITY_KEY_NAME_MAX_LENGTH}
            hint={t('keys.nameHint')}
            error={nameError}
            onChange={(event) => {
              setName(event.target.value);
              setNameMissing(false);
            }}
          />
          {promptFailed && <Alert tone="danger">{t('keys.promptFailed')}</Alert>}
          {keyRefusal && <Alert tone="danger">{errorMessage(t, language, add.error)}</Alert>}
          <SecondFactorForm
            allowRecovery={false}
            focusOnMount={false}
            securityKey={hasKeys ? { requestOptions: requestStepUpKeyOptions } : undefined}
            onSubmit={(proof) => {
              if (name.trim() === '') {
                setNameMissing(true);
                return;
              }
              if ('recoveryCode' in proof) return;
              add.mutate({ name, proof }, { onSuccess: () => setOpen(false) });
            }}
            pending={add.isPending}
            error={promptFailed || keyRefusal ? null : add.error}
            onSwitch={() => add.reset()}
            secondary={
              <Button onClick={() => setOpen(false)} disabled={add.isPending}>
                {t('common.cancel')}
              </Button>
            }
          />
        </div>
      </Dialog>
    </>
  );
}
