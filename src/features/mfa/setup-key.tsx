import { useState } from 'react';
import { Button } from '@/components/button';
import { useT } from '@/lib/i18n/i18n';
import styles from './bind-wizard.module.css';

const GROUP_SIZE = 4;

export function groupKey(secret: string): string {
  return secret.match(new RegExp(`.{1,${GROUP_SIZE}}`, 'g'))?.join(' ') ?? secret;
}

/**
 * BIND-2 "Can't scan?": the key in groups of four, a copy button, and the
 * parameters. `expanded` opens it from the start, where it is the main way in
 * (BIND-6, a phone).
 */
export function SetupKey({
  secret,
  digits,
  period,
  expanded = false,
}: {
  secret: string;
  digits: number;
  period: number;
  expanded?: boolean;
}) {
  const t = useT();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copyKey() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <details className={styles.details} open={expanded}>
      <summary>{expanded ? t('bind.setupKeyTitle') : t('bind.cantScan')}</summary>
      <div className={styles.detailsBody}>
        <p>{t('bind.cantScanText')}</p>
        <div className={styles.keyRow}>
          <code className={styles.key} aria-label={t('bind.setupKey')}>
            {groupKey(secret)}
          </code>
          <Button size="sm" onClick={() => void copyKey()}>
            {t('bind.copy')}
          </Button>
        </div>
        <p role="status" className={styles.copyStatus}>
          {copy === 'copied' ? t('bind.copied') : copy === 'failed' ? t('bind.copyFailed') : ''}
        </p>
        <dl className={styles.parameters}>
          <div>
            <dt>{t('bind.type')}</dt>
            <dd>{t('bind.timeBased')}</dd>
          </div>
          <div>
            <dt>{t('bind.algorithm')}</dt>
            <dd>SHA1</dd>
          </div>
          <div>
            <dt>{t('bind.digits')}</dt>
            <dd>{digits}</dd>
          </div>
          <div>
            <dt>{t('bind.period')}</dt>
            <dd>{t('bind.seconds', { count: period })}</dd>
          </div>
        </dl>
      </div>
    </details>
  );
}
