import { useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { appPaths } from '@/api/app-paths';
import type { TicketDetail } from '@/api/schemas/tickets';
import { Alert } from '@/components/alert';
import { Card } from '@/components/card';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n/i18n';
import { useTicketAction } from '../api/ticket-mutations';
import { useTicket } from '../api/ticket-queries';
import { Conversation } from '../ui/conversation';
import { ReplyForm } from '../ui/reply-form';
import { TicketFacts } from '../ui/ticket-facts';
import { BackLink, TicketLayout, TicketSubtitle } from '../ui/ticket-layout';
import { VerificationFacts } from '../ui/verification-facts';
import { RatingForm } from './rating-form';
import { TicketActions } from './ticket-actions';
import styles from './ticket-detail-page.module.css';

/** TICKET-6: one ticket, its conversation, and exactly the actions its status allows. */
export function TicketDetailPage() {
  const t = useT();
  const { ticketId = '' } = useParams();
  const location = useLocation();
  const submitted = (location.state as { submitted?: string } | null)?.submitted;
  const ticket = useTicket(ticketId);
  return (
    <>
      <BackLink to={appPaths.tickets.href}>{t('tickets.backToList')}</BackLink>
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
              <ReplyForm
                label={t('tickets.detail.reply')}
                submitLabel={t('tickets.detail.send')}
                pending={reply.isPending}
                error={reply.error}
                onSubmit={(body) =>
                  reply.mutateAsync(body).then(() => setNotice(t('tickets.detail.replied')))
                }
              />
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
