import {
  browserSupportsWebAuthn,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
} from '@simplewebauthn/browser';
import { type ReactNode, useState } from 'react';
import { isApiError } from '@/api/api-error';
import type { Assertion } from '@/api/schemas/security-keys';
import { errorMessage } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { Alert } from './alert';
import { Button } from './button';
import styles from './code-form.module.css';

/** KEY-2: a browser without WebAuthn is never offered a key. */
export function securityKeysSupported(): boolean {
  return browserSupportsWebAuthn();
}

/** KEY-2: fetches a challenge with `requestOptions` and runs the browser's prompt for a key's answer. */
export async function promptSecurityKey(
  requestOptions: () => Promise<unknown>,
): Promise<Assertion> {
  const optionsJSON = (await requestOptions()) as PublicKeyCredentialRequestOptionsJSON;
  return (await startAuthentication({ optionsJSON })) as Assertion;
}

/**
 * KEY-2: **Use a security key**: fetches a challenge from the host, runs the
 * browser's prompt, and hands the key's answer to `onAssertion`. A prompt
 * the user closes, or one that times out, is an ordinary message; the button
 * tries again, and the host keeps the codes one click away (`secondary`).
 */
export function SecurityKeyPrompt({
  requestOptions,
  onAssertion,
  pending,
  error,
  secondary,
}: {
  requestOptions: () => Promise<unknown>;
  onAssertion: (assertion: Assertion) => void;
  pending: boolean;
  /** The host's refusal of the last answer. */
  error: unknown;
  secondary?: ReactNode;
}) {
  const t = useT();
  const language = useLanguage();
  const [prompting, setPrompting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function prompt() {
    setFailure(null);
    setPrompting(true);
    try {
      onAssertion(await promptSecurityKey(requestOptions));
    } catch (caught) {
      setFailure(caught);
    } finally {
      setPrompting(false);
    }
  }

  const shown = failure ?? error;
  const message = !shown
    ? null
    : isApiError(shown)
      ? errorMessage(t, language, shown)
      : t('keys.promptFailed');

  return (
    <div className={styles.form}>
      <p>{t('keys.promptText')}</p>
      {message && <Alert tone="danger">{message}</Alert>}
      <div className={styles.actions}>
        {secondary}
        <Button variant="primary" busy={prompting || pending} onClick={() => void prompt()}>
          {shown ? t('keys.tryAgain') : t('keys.use')}
        </Button>
      </div>
    </div>
  );
}
