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
 * email; customer service does the rest (TICKET-9). The form starts from a
 * title and a description that asks what customer service needs, the login's
 * time limit on top, and one way out: back to the code.
 */
export function UnbindMfaTicket({
  email,
  expiresAt,
  onBack,
  backToLogin,
}: {
  email: string;
  expiresAt: string;
  /** Back to the code dialog, the form's one exit. */
  onBack: () => void;
  /** Leaves the login step (ends the pending session), once the ticket is filed. */
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
    <PageCard title={t('tickets.lost.title')} subtitle={t('tickets.lost.subtitle', { email })} wide>
      <div className={styles.form}>
        {/* The pending login's limit comes first: it decides how long this form may take. */}
        <Alert tone="warning">
          {t('login.pendingExpires', { time: formatTime(expiresAt, language) })}
        </Alert>
        <TicketForm
          lockedType="unbind_mfa"
          initial={{
            title: t('tickets.lost.prefillTitle'),
            description: t('tickets.lost.descriptionTemplate'),
            descriptionHint: t('tickets.lost.descriptionHint'),
          }}
          onSubmitted={setCreated}
          secondary={
            <Button variant="ghost" onClick={onBack}>
              {t('tickets.lost.backToCode')}
            </Button>
          }
        />
      </div>
    </PageCard>
  );
}
