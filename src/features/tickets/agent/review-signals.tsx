import type { SupportTicket } from '@/api/schemas/tickets';
import { Badge } from '@/components/badge';
import { formatDate, formatDateTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import styles from './review-panel.module.css';

type Signals = NonNullable<SupportTicket['review']>['signals'];

/** TICKET-11: an account younger than this asks for a closer look. */
export const REVIEW_NEW_ACCOUNT_DAYS = 7;

/** One signal: its words, and a warning badge when it speaks against unbinding. */
function Signal({
  label,
  value,
  risky,
  note,
}: {
  label: string;
  value: string;
  risky: boolean;
  note?: string | undefined;
}) {
  const t = useT();
  return (
    <div>
      <dt>{label}</dt>
      <dd data-risky={risky || undefined}>
        <Badge tone={risky ? 'warning' : 'success'}>
          {risky && <span className={styles.riskMark} aria-hidden="true" />}
          {value}
          {risky && <span className="visually-hidden"> ({t('support.signals.risky')})</span>}
        </Badge>
        {note && <span className={styles.note}>{note}</span>}
      </dd>
    </div>
  );
}

/**
 * TICKET-11: what speaks for or against unbinding, as the server computed it
 * when the ticket was read. Values that call for care are marked in words, not
 * by colour alone.
 */
export function ReviewSignals({ signals }: { signals: Signals }) {
  const t = useT();
  const language = useLanguage();
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const age = signals.accountAgeDays;
  return (
    <>
      <Signal
        label={t('support.signals.password')}
        value={yesNo(signals.passwordVerified)}
        risky={!signals.passwordVerified}
      />
      <Signal
        label={t('support.signals.email')}
        value={yesNo(signals.emailVerified)}
        risky={!signals.emailVerified}
      />
      <Signal
        label={t('support.signals.accountAge')}
        value={
          age === 0
            ? t('support.signals.ageToday')
            : age === 1
              ? t('support.signals.ageOneDay')
              : t('support.signals.ageDays', { count: age })
        }
        risky={age < REVIEW_NEW_ACCOUNT_DAYS}
        note={t('support.signals.createdOn', {
          date: formatDate(signals.accountCreatedAt, language),
        })}
      />
      <Signal
        label={t('support.signals.lastMfaLogin')}
        value={
          signals.lastMfaLoginAt === null
            ? t('support.signals.never')
            : formatDateTime(signals.lastMfaLoginAt, language)
        }
        risky={signals.lastMfaLoginAt === null}
      />
      <Signal
        label={t('support.signals.wrongCodes')}
        value={String(signals.wrongCodesLast24h)}
        risky={signals.wrongCodesLast24h > 0}
      />
      <Signal
        label={t('support.signals.otherRequests')}
        value={String(signals.otherOpenUnbindRequests)}
        risky={signals.otherOpenUnbindRequests > 0}
      />
    </>
  );
}
