import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { isApiError } from '@/api/api-error';
import { appPaths } from '@/api/app-paths';
import { Alert } from '@/components/alert';
import { Button, buttonClassName } from '@/components/button';
import { CodeInput } from '@/components/code-input';
import { FormActions } from '@/components/form-actions';
import { NewPasswordFields } from '@/components/new-password-fields';
import { PageCard } from '@/components/page-card';
import { SendCodeButton } from '@/components/send-code-button';
import { errorMessage, fieldMessage, isFormError } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { checkNewPassword, type NewPasswordErrors } from '@/lib/new-password';
import { useResetPassword, useSendPasswordResetCode } from './api/auth-mutations';
import { EmailField } from './email-field';
import styles from './login-form.module.css';
import { emailOfHandoff } from './reset-handoff';

type Step = { step: 'email' } | { step: 'code'; resendInSeconds: number } | { step: 'done' };

/**
 * PASSWORD-2, Forgot password?: an email, the code sent to it, a new password.
 * The page says the same whether the email has an account; the reset signs
 * nobody in and leaves MFA as it was. It starts from the email typed on the
 * login form when Forgot password? carried one.
 */
export function PasswordResetPage() {
  const t = useT();
  const handedOver = emailOfHandoff(useLocation().state);
  const [email, setEmail] = useState(handedOver);
  const [step, setStep] = useState<Step>({ step: 'email' });
  return (
    <PageCard
      title={step.step === 'done' ? t('reset.doneTitle') : t('reset.title')}
      subtitle={step.step === 'done' ? undefined : t('reset.subtitle')}
      // Once done, the page's one action leads to the login; the footer would say it twice.
      footer={
        step.step === 'done' ? undefined : (
          <Link to={appPaths.login.href}>{t('login.backToLogin')}</Link>
        )
      }
    >
      {step.step === 'email' && (
        <EmailStep
          email={email}
          onEmailChange={setEmail}
          onSent={(resendInSeconds) => setStep({ step: 'code', resendInSeconds })}
        />
      )}
      {step.step === 'code' && (
        <CodeStep
          email={email}
          resendInSeconds={step.resendInSeconds}
          onOtherEmail={() => setStep({ step: 'email' })}
          onReset={() => setStep({ step: 'done' })}
        />
      )}
      {step.step === 'done' && (
        <div className={styles.form}>
          <Alert tone="success">{t('reset.done')}</Alert>
          <Link to={appPaths.login.href} className={buttonClassName('primary')}>
            {t('reset.toLogin')}
          </Link>
        </div>
      )}
    </PageCard>
  );
}

function EmailStep({
  email,
  onEmailChange,
  onSent,
}: {
  email: string;
  onEmailChange: (email: string) => void;
  onSent: (resendInSeconds: number) => void;
}) {
  const t = useT();
  const language = useLanguage();
  const send = useSendPasswordResetCode(email);
  const fieldErrors = isApiError(send.error) ? send.error.fieldErrors : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    if (send.isPending) return;
    send.mutate(undefined, { onSuccess: ({ resendInSeconds }) => onSent(resendInSeconds) });
  }

  const failed = isFormError(send.error);
  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      {failed && <Alert tone="danger">{errorMessage(t, language, send.error)}</Alert>}
      <EmailField value={email} onChange={onEmailChange} fieldError={fieldErrors.email} />
      <Button type="submit" variant="primary" busy={send.isPending} className={styles.submit}>
        {t('reset.sendCode')}
      </Button>
    </form>
  );
}

type Errors = NewPasswordErrors & { code?: string };

function CodeStep({
  email,
  resendInSeconds,
  onOtherEmail,
  onReset,
}: {
  email: string;
  resendInSeconds: number;
  onOtherEmail: () => void;
  onReset: () => void;
}) {
  const t = useT();
  const language = useLanguage();
  const resend = useSendPasswordResetCode(email);
  const reset = useResetPassword();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reset.isPending) return;
    const found: Errors = checkNewPassword(password, repeat, email);
    if (code.length !== 6) found.code = code === '' ? 'required' : 'too_small';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    reset.mutate(
      { email, code, newPassword: password },
      {
        onSuccess: onReset,
        onError: (failure) => setErrors(isApiError(failure) ? failure.fieldErrors : {}),
      },
    );
  }

  const failed = isFormError(reset.error);
  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <Alert tone="info">{t('reset.codeSent', { email: email.trim() })}</Alert>
      {failed && <Alert tone="danger">{errorMessage(t, language, reset.error)}</Alert>}
      {resend.isError && <Alert tone="danger">{errorMessage(t, language, resend.error)}</Alert>}
      <CodeInput
        label={t('code.emailLabel')}
        value={code}
        onChange={setCode}
        error={fieldMessage(t, errors.code)}
        hint={t('code.hint')}
      />
      <NewPasswordFields
        password={password}
        repeat={repeat}
        onPasswordChange={setPassword}
        onRepeatChange={setRepeat}
        errors={errors}
        shown={false}
      />
      <FormActions>
        <Button variant="ghost" onClick={onOtherEmail} disabled={reset.isPending}>
          {t('reset.otherEmail')}
        </Button>
        <SendCodeButton mutation={resend} initialResendInSeconds={resendInSeconds} />
        <Button type="submit" variant="primary" busy={reset.isPending}>
          {t('reset.submit')}
        </Button>
      </FormActions>
    </form>
  );
}
