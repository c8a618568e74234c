import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { isApiError } from '@/api/api-error';
import { appPaths } from '@/api/app-paths';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { TextField } from '@/components/text-field';
import { errorMessage, fieldMessage, isFormError } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useNow } from '@/lib/use-now';
import { useLogIn } from './api/auth-mutations';
import { EmailField } from './email-field';
import styles from './login-form.module.css';
import { resetHandoff, sameEmail } from './reset-handoff';

/**
 * LOGIN-1: email and password. A failed attempt keeps what was typed. A lock
 * belongs to the email that was locked (GUARD-4): another email may try at once.
 */
export function LoginForm({ notice }: { notice?: string | undefined }) {
  const t = useT();
  const language = useLanguage();
  const logIn = useLogIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const error = logIn.error;
  const lockedEmail = logIn.variables?.email;
  const lockedUntil =
    isApiError(error) &&
    error.code === 'ACCOUNT_LOCKED' &&
    lockedEmail !== undefined &&
    sameEmail(email, lockedEmail)
      ? error.retryAt
      : null;
  const now = useNow(lockedUntil !== null);
  const locked = lockedUntil !== null && now < lockedUntil;
  const lockOfAnotherEmail =
    isApiError(error) && error.code === 'ACCOUNT_LOCKED' && lockedUntil === null;
  const forgotPassword = (
    <Link to={appPaths.passwordReset.href} state={resetHandoff(email)} className={styles.forgot}>
      {t('reset.link')}
    </Link>
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (logIn.isPending || locked) return;
    // The server checks the fields against the contract and names any wrong one.
    logIn.mutate(
      { email, password },
      {
        onSuccess: () => setFieldErrors({}),
        onError: (failure) => setFieldErrors(isApiError(failure) ? failure.fieldErrors : {}),
      },
    );
  }

  const showFormError = isFormError(error) && !lockOfAnotherEmail;

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      {notice && <Alert tone="info">{notice}</Alert>}
      {showFormError && (
        <Alert
          tone="danger"
          title={locked ? t('login.lockedTitle') : undefined}
          action={locked ? forgotPassword : undefined}
        >
          {errorMessage(t, language, error)}
          {locked && ` ${t('login.lockedResetHint')}`}
        </Alert>
      )}
      <EmailField value={email} onChange={setEmail} fieldError={fieldErrors.email} />
      <TextField
        label={t('login.password')}
        type={showPassword ? 'text' : 'password'}
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={fieldMessage(t, fieldErrors.password)}
        required
        trailing={
          <Button variant="ghost" size="sm" onClick={() => setShowPassword((shown) => !shown)}>
            {showPassword ? t('login.hidePassword') : t('login.showPassword')}
          </Button>
        }
      />
      <Button
        type="submit"
        variant="primary"
        busy={logIn.isPending}
        disabled={locked}
        className={styles.submit}
      >
        {logIn.isPending ? t('login.submitting') : t('login.submit')}
      </Button>
      {!locked && forgotPassword}
    </form>
  );
}
