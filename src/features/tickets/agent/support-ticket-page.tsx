import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { appPaths } from '@/api/app-paths';
import type { SupportTicket } from '@/api/schemas/tickets';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { errorMessage } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useTicketAction } from '../api/ticket-mutations';
import { useSupportTicket } from '../api/ticket-queries';
import { ActionHint, ActionList } from '../ui/action-list';
import { Conversation } from '../ui/conversation';
import { ReplyForm } from '../ui/reply-form';
import { TicketFacts } from '../ui/ticket-facts';
import { BackLink, TicketLayout, TicketSubtitle } from '../ui/ticket-layout';
import { ReviewPanel } from './review-panel';

/** TICKET-7: one ticket as customer service works it. */
export function SupportTicketPage() {
  const t = useT();
  const { ticketId = '' } = useParams();
  const ticket = useSupportTicket(ticketId);
  return (
    <>
      <BackLink to={appPaths.supportQueue.href}>{t('support.backToQueue')}</BackLink>
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
                <ReplyForm
                  label={t('support.reply')}
                  submitLabel={t('support.sendReply')}
                  pending={reply.isPending}
                  error={reply.error}
                  onSubmit={(body) =>
                    reply.mutateAsync(body).then(() => setNotice(t('support.replied')))
                  }
                />
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
                <ActionList>
                  <ActionHint>{t('support.closeHint')}</ActionHint>
                  <Button onClick={() => setConfirmClose(true)}>{t('support.close')}</Button>
                </ActionList>
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
