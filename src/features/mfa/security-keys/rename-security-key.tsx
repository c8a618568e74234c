import { type FormEvent, useState } from 'react';
import { isApiError } from '@/api/api-error';
import { SECURITY_KEY_NAME_MAX_LENGTH } from '@/api/limits';
import type { SecurityKey } from '@/api/schemas/security-keys';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { TextField } from '@/components/text-field';
import { errorMessage, fieldMessage, isFormError } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useRenameSecurityKey } from '../api/security-key-requests';
import styles from './security-keys.module.css';

/** KEY-1: a key's name, changed; no second factor, as a name proves nothing. */
export function RenameSecurityKey({ securityKey }: { securityKey: SecurityKey }) {
  const t = useT();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(securityKey.name);
  const rename = useRenameSecurityKey();

  function submit(event: FormEvent) {
    event.preventDefault();
    rename.mutate({ id: securityKey.id, name }, { onSuccess: () => setOpen(false) });
  }

  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        aria-label={t('keys.renameLabel', { name: securityKey.name })}
        onClick={() => {
          rename.reset();
          setName(securityKey.name);
          setOpen(true);
        }}
      >
        {t('keys.rename')}
      </Button>
      <Dialog
        open={open}
        title={t('keys.renameTitle')}
        onClose={() => setOpen(false)}
        dismissible={!rename.isPending}
      >
        <form className={styles.dialogBody} noValidate onSubmit={submit}>
          <TextField
            label={t('keys.name')}
            value={name}
            maxLength={SECURITY_KEY_NAME_MAX_LENGTH}
            error={
              isApiError(rename.error) ? fieldMessage(t, rename.error.fieldErrors?.name) : undefined
            }
            onChange={(event) => setName(event.target.value)}
            // eslint-disable-next-line jsx-a11y/no-autofocus -- the name is all this dialog asks for
            autoFocus
          />
          {isFormError(rename.error) && (
            <Alert tone="danger">{errorMessage(t, language, rename.error)}</Alert>
          )}
          <div className={styles.actions}>
            <Button onClick={() => setOpen(false)} disabled={rename.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" variant="primary" busy={rename.isPending}>
              {t('keys.save')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
