import { useState } from 'react';
import { TICKET_REPLY_MAX_LENGTH } from '@/api/limits';
import { type SupportTicket } from '@/api/schemas/tickets';
import { Badge } from '@/components/badge';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { TextAreaField } from '@/components/text-area-field';
import { formatDateTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useTicketAction } from '../api/ticket-mutations';
import { VerificationFacts } from '../ui/verification-facts';
import styles from './review-panel.module.css';

type Review = NonNullable<SupportTicket['review']>;

/** TICKET-7: what the agent checks before unbinding, and the unbind itself. */
export function ReviewPanel({
  ticket,
  review,
  onDone,
}: {
  ticket: SupportTicket;
  review: Review;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const language = useLanguage();
  const unbind = useTicketAction('unbindMfa', ticket.id);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState(() => t('support.unbindDefaultReply'));
  const [problem, setProblem] = useState<string | null>(null);
  const canUnbind = ticket.actions.includes('unbind_mfa');

  function confirm() {
    const body = message.trim();
    if (body.length === 0) return setProblem(t('field.required'));
    if (body.length > TICKET_REPLY_MAX_LENGTH)
      return setProblem(t('tickets.form.tooLong', { max: TICKET_REPLY_MAX_LENGTH }));
    unbind.mutate(body, {
      onSuccess: () => {
        setOpen(false);
        onDone(t('support.unbound', { email: review.accountEmail }));
      },
    });
  }

  return (
    <Card title={t('support.review.title')} description={t('support.review.subtitle')}>
      <dl className={styles.review}>
        <div>
          <dt>{t('support.review.account')}</dt>
          <dd>
            {review.accountName}
            <span className={styles.note}>{review.accountEmail}</span>
          </dd>
        </div>
        <div>
          <dt>{t('tickets.field.workspace')}</dt>
          <dd>{review.workspaceName ?? t('tickets.noWorkspace')}</dd>
        </div>
        <div>
          <dt>{t('support.review.mfa')}</dt>
          <dd>
            <Badge tone={review.mfaBound ? 'success' : 'neutral'}>
              {review.mfaBound ? t('account.bound') : t('account.notBound')}
            </Badge>
            {review.mfaUnboundAt && (
              <span className={styles.note}>
                {t('support.review.unboundAt', {
                  time: formatDateTime(review.mfaUnboundAt, language),
                })}
              </span>
            )}
          </dd>
        </div>
        {ticket.verification && <VerificationFacts verification={ticket.verification} />}
      </dl>
      {canUnbind ? (
        <div className={styles.reviewAction}>
          <p className={styles.reviewHint}>{t('support.review.unbindHint')}</p>
          <Button variant="danger" onClick={() => setOpen(true)}>
            {t('support.unbind')}
          </Button>
        </div>
      ) : (
        review.mfaBound &&
        !ticket.ownTicket && (
          <p className={styles.reviewHint}>
            {ticket.status === 'waiting_assignment'
              ? t('support.review.acceptToUnbind')
              : t('support.review.cannotUnbind')}
          </p>
        )
      )}
      <ConfirmDialog
        open={open}
        title={t('support.unbindTitle')}
        description={t('support.unbindConfirm', { email: review.accountEmail })}
        confirmLabel={t('support.unbindAndReply')}
        tone="danger"
        pending={unbind.isPending}
        error={unbind.error}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      >
        <TextAreaField
          label={t('support.unbindReply')}
          rows={4}
          value={message}
          onChange={(event) => {
            setMessage(event.target.value);
            setProblem(null);
          }}
          error={problem ?? undefined}
        />
      </ConfirmDialog>
    </Card>
  );
}
