import { type FormEvent, useState } from 'react';
import { isApiError } from '@/api/api-error';
import type { Account, ChangePasswordRequest } from '@/api/schemas/account';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { CodeInput } from '@/components/code-input';
import { Dialog } from '@/components/dialog';
import { FormActions } from '@/components/form-actions';
import { NewPasswordFields } from '@/components/new-password-fields';
import { TextField } from '@/components/text-field';
import { errorMessage, fieldMessage, isFormError } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { checkNewPassword, type NewPasswordErrors } from '@/lib/new-password';
import styles from './account.module.css';
import { useAccountKeyProof } from './api/account-key-proof';
import { useChangePassword } from './api/account-mutations';

/** PASSWORD-1: the login password, and Change password. */
export function PasswordRow({ account }: { account: Account }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [changed, setChanged] = useState(false);
  return (
    <li className={styles.row}>
      <div className={styles.rowText}>
        <h3 className={styles.rowTitle}>{t('account.password')}</h3>
        <p className={styles.rowDescription}>{t('account.passwordDescription')}</p>
      </div>
      <div className={styles.rowAction}>
        <Button
          onClick={() => {
            setChanged(false);
            setOpen(true);
          }}
        >
          {t('password.change')}
        </Button>
        {changed && <Alert tone="success">{t('password.changed')}</Alert>}
      </div>
      {open && (
        <ChangePasswordDialog
          account={account}
          onClose={() => setOpen(false)}
          onChanged={() => {
            setOpen(false);
            setChanged(true);
          }}
        />
      )}
    </li>
  );
}

type Errors = NewPasswordErrors & { currentPassword?: string; code?: string };

/**
 * The current password, the new one twice, and the dynamic code when MFA is
 * bound. A refusal keeps everything typed; nothing is sent twice.
 */
function ChangePasswordDialog({
  account,
  onClose,
  onChanged,
}: {
  account: Account;
  onClose: () => void;
  onChanged: () => void;
}) {
  const t = useT();
  const language = useLanguage();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [code, setCode] = useState('');
  const [shown, setShown] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const needsCode = account.mfa.bound;
  const key = useAccountKeyProof();
  const [keyPromptFailed, setKeyPromptFailed] = useState(false);

  /** The passwords as typed, once they pass the form's own checks; the code's too, unless a key answers. */
  function checked(withKey: boolean): boolean {
    const found: Errors = checkNewPassword(password, repeat, account.email);
    if (current === '') found.currentPassword = 'required';
    if (needsCode && !withKey && code.length !== 6) {
      found.code = code === '' ? 'required' : 'too_small';
    }
    setErrors(found);
    return Object.keys(found).length === 0;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (change.isPending || !checked(false)) return;
    send(needsCode ? { code } : {});
  }

  // KEY-2: a key of the account instead of the dynamic code; a closed prompt changes nothing.
  async function submitWithKey() {
    if (change.isPending || !checked(true)) return;
    setKeyPromptFailed(false);
    try {
      send({ securityKey: await key.prove() });
    } catch {
      setKeyPromptFailed(true);
    }
  }

  function send(proof: Pick<ChangePasswordRequest, 'code' | 'securityKey'>) {
    change.mutate(
      { currentPassword: current, newPassword: password, ...proof },
      {
        onSuccess: onChanged,
        onError: (failure) => setErrors(isApiError(failure) ? failure.fieldErrors : {}),
      },
    );
  }

  const failed = isFormError(change.error);
  return (
    <Dialog
      open
      title={t('password.change')}
      description={t('password.changeText')}
      onClose={onClose}
      dismissible={!change.isPending}
    >
      <form className={styles.dialogForm} onSubmit={submit} noValidate>
        {failed && <Alert tone="danger">{errorMessage(t, language, change.error)}</Alert>}
        <TextField
          label={t('password.current')}
          type={shown ? 'text' : 'password'}
          name="current-password"
          autoComplete="current-password"
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
          error={fieldMessage(t, errors.currentPassword)}
          required
        />
        <NewPasswordFields
          password={password}
          repeat={repeat}
          onPasswordChange={setPassword}
          onRepeatChange={setRepeat}
          errors={errors}
          shown={shown}
        />
        <label className={styles.showPasswords}>
          <input
            type="checkbox"
            checked={shown}
            onChange={(event) => setShown(event.target.checked)}
          />
          {t('password.show')}
        </label>
        {needsCode && (
          <CodeInput
            label={t('code.dynamicLabel')}
            value={code}
            onChange={setCode}
            error={fieldMessage(t, errors.code)}
          />
        )}
        {keyPromptFailed && <Alert tone="danger">{t('keys.promptFailed')}</Alert>}
        {needsCode && key.available && (
          <div>
            <Button variant="link" onClick={() => void submitWithKey()} disabled={change.isPending}>
              {t('keys.useInstead')}
            </Button>
          </div>
        )}
        <FormActions>
          <Button onClick={onClose} disabled={change.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" busy={change.isPending}>
            {t('password.change')}
          </Button>
        </FormActions>
      </form>
    </Dialog>
  );
}
