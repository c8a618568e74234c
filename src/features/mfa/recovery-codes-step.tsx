import { type FormEvent, useId, useState } from 'react';
import { Button } from '@/components/button';
import { StepHeading } from '@/components/page-heading';
import { BRAND_NAME } from '@/lib/brand';
import { saveBlob } from '@/lib/download';
import { formatDateTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { printText } from '@/lib/print';
import { useSession } from '@/lib/session';
import styles from './recovery-codes-step.module.css';

/** `guance-recovery-codes-bob-example.com.txt`: the product and the account, safe as a file name. */
export function recoveryCodesFileName(brand: string, email: string): string {
  const safe = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return `${safe(brand)}-recovery-codes-${safe(email)}.txt`;
}

/** The account's email, whichever state the session is in when the codes are shown. */
function useAccountEmail(): string {
  const { data: session } = useSession();
  if (!session || session.state === 'anonymous') return '';
  return session.state === 'active' ? session.user.email : session.email;
}

/**
 * RECOVERY-1 (and RECOVERY-3's new set): the codes, shown this once, to copy,
 * download or print; finishing needs the user to say they saved them. The
 * codes live only in this component's props: nothing stores them.
 */
export function RecoveryCodesStep({
  codes,
  onFinish,
  finishLabel,
  withHeading = true,
}: {
  codes: readonly string[];
  onFinish: () => void;
  finishLabel?: string;
  /** False inside a dialog whose own title already names the step. */
  withHeading?: boolean;
}) {
  const t = useT();
  const language = useLanguage();
  const email = useAccountEmail();
  const checkboxId = useId();
  const errorId = useId();
  const [saved, setSaved] = useState(false);
  const [unticked, setUnticked] = useState(false);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  // When the codes were shown: the moment the file and the printout say they were made.
  const [shownAt] = useState(() => Date.now());
  const title = t('recovery.fileTitle', { brand: BRAND_NAME, email });
  const text = [
    title,
    t('recovery.fileIntro', { date: formatDateTime(shownAt, language) }),
    '',
    ...codes,
    '',
  ].join('\n');

  async function copyCodes() {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  function finish(event: FormEvent) {
    event.preventDefault();
    if (!saved) {
      setUnticked(true);
      document.getElementById(checkboxId)?.focus();
      return;
    }
    onFinish();
  }

  return (
    <form className={styles.step} noValidate onSubmit={finish}>
      {withHeading && <StepHeading>{t('recovery.title')}</StepHeading>}
      <p>{t('recovery.text')}</p>
      <ol className={styles.codes} aria-label={t('recovery.listLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className={styles.tools}>
        <Button size="sm" onClick={() => void copyCodes()}>
          {t('recovery.copy')}
        </Button>
        <Button
          size="sm"
          onClick={() =>
            saveBlob(
              new Blob([text], { type: 'text/plain;charset=utf-8' }),
              recoveryCodesFileName(BRAND_NAME, email),
            )
          }
        >
          {t('recovery.download')}
        </Button>
        <Button size="sm" onClick={() => printText(title, text)}>
          {t('recovery.print')}
        </Button>
      </div>
      <p role="status" className={styles.status}>
        {copy === 'copied'
          ? t('recovery.copied')
          : copy === 'failed'
            ? t('recovery.copyFailed')
            : ''}
      </p>
      <div>
        <label className={styles.checkbox} htmlFor={checkboxId}>
          <input
            id={checkboxId}
            type="checkbox"
            checked={saved}
            aria-invalid={unticked && !saved}
            aria-describedby={unticked && !saved ? errorId : undefined}
            onChange={(event) => {
              setSaved(event.target.checked);
              if (event.target.checked) setUnticked(false);
            }}
          />
          {t('recovery.saved')}
        </label>
        {unticked && !saved && (
          <p id={errorId} role="alert" className={styles.error}>
            {t('recovery.savedRequired')}
          </p>
        )}
      </div>
      <div className={styles.actions}>
        <Button type="submit" variant="primary">
          {finishLabel ?? t('recovery.finish')}
        </Button>
      </div>
    </form>
  );
}
