import { type ReactNode, useState } from 'react';
import type { TicketCreated } from '@/api/schemas/tickets';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { PageCard } from '@/components/page-card';
import { formatTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { TicketForm } from './ticket-form';
import styles from './unbind-mfa-ticket.module.css';

/**
 * TICKET-8: from the login code step, a member without their phone files an
 * Unbind MFA ticket. The password is already checked; the form checks the
 * email; customer service does the rest (TICKET-9).
 */
export function UnbindMfaTicket({
  email,
  expiresAt,
  onBack,
  backToLogin,
}: {
  email: string;
  expiresAt: string;
  /** Back to the code dialog. */
  onBack: () => void;
  /** Leaves the login step (ends the pending session). */
  backToLogin: ReactNode;
}) {
  const t = useT();
  const language = useLanguage();
  const [created, setCreated] = useState<TicketCreated | null>(null);

  if (created) {
    return (
      <PageCard title={t('tickets.lost.doneTitle')} wide footer={backToLogin}>
        <div className={styles.done}>
          <p className={styles.doneNumber}>
            {t('tickets.lost.number')}
            <strong className={styles.number}>{created.number}</strong>
          </p>
          <Alert tone="success">{t('tickets.lost.doneText', { email })}</Alert>
          <h2 className={styles.nextTitle}>{t('tickets.lost.nextTitle')}</h2>
          <ol className={styles.nextSteps}>
            <li>{t('tickets.lost.next1')}</li>
            <li>{t('tickets.lost.next2', { email })}</li>
            <li>{t('tickets.lost.next3')}</li>
          </ol>
        </div>
      </PageCard>
    );
  }

  return (
    <PageCard
      title={t('tickets.lost.title')}
      subtitle={t('tickets.lost.subtitle', { email })}
      wide
      footer={
        <div className={styles.lostFooter}>
          {backToLogin}
          <span>{t('login.pendingExpires', { time: formatTime(expiresAt, language) })}</span>
        </div>
      }
    >
      <TicketForm
        lockedType="unbind_mfa"
        onSubmitted={setCreated}
        secondary={
          <Button variant="ghost" onClick={onBack}>
            {t('tickets.lost.backToCode')}
          </Button>
        }
      />
    </PageCard>
  );
}
