import { useState } from 'react';
import type { TicketDetail } from '@/api/schemas/tickets';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { errorMessage } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useTicketAction } from '../api/ticket-mutations';
import { ActionHint, ActionList } from '../ui/action-list';

type Confirmable = 'cancel' | 'close';

/** TICKET-5: the member's lifecycle actions (cancel, restart, close), asked before the final ones. */
export function TicketActions({
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
      <ActionList>
        {failed ? <Alert tone="danger">{errorMessage(t, language, failed)}</Alert> : null}
        {ticket.actions.includes('close') && (
          <>
            <ActionHint>
              {ticket.status === 'feedback_provided'
                ? t('tickets.detail.closeHint')
                : t('tickets.detail.closeHintOpen')}
            </ActionHint>
            <Button variant="primary" onClick={() => setConfirming('close')}>
              {t('tickets.detail.close')}
            </Button>
          </>
        )}
        {ticket.actions.includes('cancel') && (
          <>
            <ActionHint>{t('tickets.detail.cancelHint')}</ActionHint>
            <Button onClick={() => setConfirming('cancel')}>{t('tickets.detail.cancel')}</Button>
          </>
        )}
        {ticket.actions.includes('restart') && (
          <>
            <ActionHint>{t('tickets.detail.restartHint')}</ActionHint>
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
      </ActionList>
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
