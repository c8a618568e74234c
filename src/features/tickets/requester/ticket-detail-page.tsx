import { useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import type { TicketDetail } from '@/api/schemas/tickets';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { Conversation } from '../ui/conversation';
import { ReplyForm } from '../ui/reply-form';
import { TicketFacts } from '../ui/ticket-facts';
import { BackLink, TicketLayout, TicketSubtitle } from '../ui/ticket-layout';
import { VerificationFacts } from '../ui/verification-facts';
import { errorMessage } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useTicketAction } from '../api/use-ticket-action';
import { useTicket } from '../api/ticket-queries';
import { RatingForm } from './rating-form';
import ticketStyles from '../ui/tickets.module.css';
import styles from './tickets.module.css';

/** TICKET-6: one ticket, its conversation, and exactly the actions its status allows. */
export function TicketDetailPage() {
  const t = useT();
  const { ticketId = '' } = useParams();
  const location = useLocation();
  const submitted = (location.state as { submitted?: string } | null)?.submitted;
  const ticket = useTicket(ticketId);
  return (
    <>
      <BackLink to="/tickets">{t('tickets.backToList')}</BackLink>
      <QueryState query={ticket}>
        {(data) => <TicketView ticket={data} submitted={submitted} />}
      </QueryState>
    </>
  );
}

function TicketView({
  ticket,
  submitted,
}: {
  ticket: TicketDetail;
  submitted?: string | undefined;
}) {
  const t = useT();
  const reply = useTicketAction('reply', ticket.id);
  const rate = useTicketAction('rate', ticket.id);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <>
      <PageHeader title={ticket.title} subtitle={<TicketSubtitle ticket={ticket} />} />
      <TicketLayout
        sideLabel={t('tickets.detail.details')}
        notices={
          (submitted === ticket.number || notice || !ticket.ownTicket) && (
            <>
              {submitted === ticket.number && (
                <Alert tone="success" title={t('tickets.submitted', { number: ticket.number })}>
                  {ticket.type === 'unbind_mfa'
                    ? t('tickets.submittedUnbindHint')
                    : t('tickets.submittedHint')}
                </Alert>
              )}
              {notice && <Alert tone="success">{notice}</Alert>}
              {!ticket.ownTicket && (
                <Alert tone="info">
                  {t('tickets.detail.readOnly', { name: ticket.requester.name })}
                </Alert>
              )}
            </>
          )
        }
        main={
          <Card title={t('tickets.detail.conversation')}>
            <Conversation entries={ticket.entries} />
            {ticket.actions.includes('reply') ? (
              <div className={styles.replyArea}>
                <ReplyForm
                  label={t('tickets.detail.reply')}
                  submitLabel={t('tickets.detail.send')}
                  pending={reply.isPending}
                  error={reply.error}
                  onSubmit={(body) =>
                    reply.mutateAsync(body).then(() => setNotice(t('tickets.detail.replied')))
                  }
                />
              </div>
            ) : (
              ticket.ownTicket &&
              (ticket.status === 'closed' || ticket.status === 'canceled') && (
                <p className={styles.noReplies}>
                  {ticket.status === 'closed'
                    ? t('tickets.detail.closedNoReplies')
                    : t('tickets.detail.canceledNoReplies')}
                </p>
              )
            )}
          </Card>
        }
        side={
          <>
            <Card title={t('tickets.detail.details')}>
              <TicketFacts
                ticket={ticket}
                extra={
                  ticket.verification && <VerificationFacts verification={ticket.verification} />
                }
              />
            </Card>
            <TicketActions ticket={ticket} onDone={setNotice} />
            {(ticket.rating || ticket.actions.includes('rate')) && (
              <Card title={t('tickets.rating.title')}>
                <RatingForm
                  ticket={ticket}
                  pending={rate.isPending}
                  error={rate.error}
                  onRate={(rating) =>
                    rate.mutate(rating, { onSuccess: () => setNotice(t('tickets.rating.thanks')) })
                  }
                />
              </Card>
            )}
          </>
        }
      />
    </>
  );
}

type Confirmable = 'cancel' | 'close';

function TicketActions({
  ticket,
  onDone,
}: {
  ticket: TicketDetail;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const language = useLanguage();
  const cancel = useTicketAction('cancel', ticket.id);
  const restart = useTicketAction('restart', ticket.id);
  const close = useTicketAction('close', ticket.id);
  const [confirming, setConfirming] = useState<Confirmable | null>(null);
  const lifecycle = ticket.actions.filter(
    (action) => action === 'cancel' || action === 'restart' || action === 'close',
  );
  if (lifecycle.length === 0) return null;

  const failed = cancel.error ?? restart.error ?? close.error;
  const running = confirming === 'cancel' ? cancel : close;

  return (
    <Card title={t('tickets.detail.actions')}>
      <div className={ticketStyles.actionList}>
        {failed ? <Alert tone="danger">{errorMessage(t, language, failed)}</Alert> : null}
        {ticket.actions.includes('close') && (
          <>
            <p className={ticketStyles.actionHint}>{t('tickets.detail.closeHint')}</p>
            <Button variant="primary" onClick={() => setConfirming('close')}>
              {t('tickets.detail.close')}
            </Button>
          </>
        )}
        {ticket.actions.includes('cancel') && (
          <>
            <p className={ticketStyles.actionHint}>{t('tickets.detail.cancelHint')}</p>
            <Button onClick={() => setConfirming('cancel')}>{t('tickets.detail.cancel')}</Button>
          </>
        )}
        {ticket.actions.includes('restart') && (
          <>
            <p className={ticketStyles.actionHint}>{t('tickets.detail.restartHint')}</p>
            <Button
              variant="primary"
              busy={restart.isPending}
              onClick={() =>
                restart.mutate(undefined, {
                  onSuccess: () => onDone(t('tickets.detail.restarted')),
                })
              }
            >
              {t('tickets.detail.restart')}
            </Button>
          </>
        )}
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={
          confirming === 'close' ? t('tickets.detail.closeTitle') : t('tickets.detail.cancelTitle')
        }
        description={
          confirming === 'close'
            ? t('tickets.detail.closeConfirm')
            : t('tickets.detail.cancelConfirm')
        }
        confirmLabel={
          confirming === 'close' ? t('tickets.detail.close') : t('tickets.detail.cancel')
        }
        cancelLabel={t('tickets.detail.keepOpen')}
        tone={confirming === 'close' ? 'primary' : 'danger'}
        pending={running.isPending}
        onConfirm={() =>
          running.mutate(undefined, {
            onSuccess: () =>
              onDone(
                confirming === 'close' ? t('tickets.detail.closed') : t('tickets.detail.canceled'),
              ),
            onSettled: () => setConfirming(null),
          })
        }
        onCancel={() => setConfirming(null)}
      />
    </Card>
  );
}
