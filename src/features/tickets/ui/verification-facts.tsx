import type { TicketDetail } from '@/api/schemas/tickets';
import { useT } from '@/lib/i18n/i18n';
import styles from './verification-facts.module.css';

type Verification = NonNullable<TicketDetail['verification']>;

function Check({ ok, label }: { ok: boolean; label: string }) {
  const t = useT();
  return (
    <span className={styles.check} data-ok={ok || undefined}>
      <span aria-hidden="true">{ok ? '✓' : '✗'}</span>
      {label}{' '}
      <span className="visually-hidden">
        {ok ? t('tickets.verification.verified') : t('tickets.verification.notVerified')}
      </span>
    </span>
  );
}

/** TICKET-8: how the requester of an Unbind MFA ticket proved who they are. */
export function VerificationFacts({ verification }: { verification: Verification }) {
  const t = useT();
  return (
    <>
      <div>
        <dt>{t('tickets.verification.title')}</dt>
        <dd className={styles.checks}>
          <Check ok={verification.password} label={t('tickets.verification.password')} />
          <Check ok={verification.email} label={t('tickets.verification.email')} />
        </dd>
      </div>
      <div>
        <dt>{t('tickets.verification.from')}</dt>
        <dd>
          {verification.submittedFrom === 'login'
            ? t('tickets.verification.fromLogin')
            : t('tickets.verification.fromConsole')}
        </dd>
      </div>
    </>
  );
}
