import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { TICKET_REPLY_MAX_LENGTH, type SupportTicket } from '@/api/schemas/tickets';
import { Alert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { TextAreaField } from '@/components/text-area-field';
import { Conversation } from '../ui/conversation';
import { ReplyForm } from '../ui/reply-form';
import { TicketFacts } from '../ui/ticket-facts';
import { BackLink, TicketLayout, TicketSubtitle } from '../ui/ticket-layout';
import { VerificationFacts } from '../ui/verification-facts';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useTicketAction } from '../api/use-ticket-action';
import { useSupportTicket } from '../api/agent-queries';
import ticketStyles from '../ui/tickets.module.css';
import styles from './support.module.css';

/** TICKET-7: one ticket as customer service works it. */
export function SupportTicketPage() {
  const t = useT();
  const { ticketId = '' } = useParams();
  const ticket = useSupportTicket(ticketId);
  return (
    <>
      <BackLink to="/support">{t('support.backToQueue')}</BackLink>
      <QueryState query={ticket}>{(data) => <SupportTicketView ticket={data} />}</QueryState>
    </>
  );
}

function SupportTicketView({ ticket }: { ticket: SupportTicket }) {
  const t = useT();
  const language = useLanguage();
  const accept = useTicketAction('accept', ticket.id);
  const reply = useTicketAction('agentReply', ticket.id);
  const close = useTicketAction('agentClose', ticket.id);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const failed = accept.error ?? close.error;

  return (
    <>
      <PageHeader
        title={ticket.title}
        subtitle={<TicketSubtitle ticket={ticket} />}
        actions={
          ticket.actions.includes('accept') ? (
            <Button
              variant="primary"
              busy={accept.isPending}
              onClick={() =>
                accept.mutate(undefined, { onSuccess: () => setNotice(t('support.accepted')) })
              }
            >
              {t('support.accept')}
            </Button>
          ) : undefined
        }
      />
      <TicketLayout
        sideLabel={t('tickets.detail.details')}
        notices={
          (notice || failed || ticket.ownTicket || ticket.status === 'waiting_assignment') && (
            <>
              {notice && <Alert tone="success">{notice}</Alert>}
              {failed ? <Alert tone="danger">{errorMessage(t, language, failed)}</Alert> : null}
              {ticket.ownTicket && <Alert tone="warning">{t('support.ownTicket')}</Alert>}
              {ticket.status === 'waiting_assignment' && !ticket.ownTicket && (
                <Alert tone="info">{t('support.acceptFirst')}</Alert>
              )}
            </>
          )
        }
        main={
          <>
            {ticket.review && (
              <ReviewPanel ticket={ticket} review={ticket.review} onDone={setNotice} />
            )}
            <Card title={t('tickets.detail.conversation')}>
              <Conversation entries={ticket.entries} />
              {ticket.actions.includes('reply') && (
                <div className={styles.replyArea}>
                  <ReplyForm
                    label={t('support.reply')}
                    submitLabel={t('support.sendReply')}
                    pending={reply.isPending}
                    error={reply.error}
                    onSubmit={(body) =>
                      reply.mutateAsync(body).then(() => setNotice(t('support.replied')))
                    }
                  />
                </div>
              )}
            </Card>
          </>
        }
        side={
          <>
            <Card title={t('tickets.detail.details')}>
              <TicketFacts ticket={ticket} />
            </Card>
            {ticket.actions.includes('close') && (
              <Card title={t('tickets.detail.actions')}>
                <div className={ticketStyles.actionList}>
                  <p className={ticketStyles.actionHint}>{t('support.closeHint')}</p>
                  <Button onClick={() => setConfirmClose(true)}>{t('support.close')}</Button>
                </div>
              </Card>
            )}
          </>
        }
      />
      <ConfirmDialog
        open={confirmClose}
        title={t('support.closeTitle')}
        description={t('support.closeConfirm')}
        confirmLabel={t('support.close')}
        pending={close.isPending}
        onConfirm={() =>
          close.mutate(undefined, {
            onSuccess: () => setNotice(t('support.closed')),
            onSettled: () => setConfirmClose(false),
          })
        }
        onCancel={() => setConfirmClose(false)}
      />
    </>
  );
}

type Review = NonNullable<SupportTicket['review']>;

/** TICKET-7: what the agent checks before unbinding, and the unbind itself. */
function ReviewPanel({
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
