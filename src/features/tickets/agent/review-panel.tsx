import { useState } from 'react';
import { isApiError } from '@/api/api-error';
import { CODE_LENGTH, TICKET_REPLY_MAX_LENGTH } from '@/api/limits';
import { type SupportTicket, type SupportUnbindRequest } from '@/api/schemas/tickets';
import { Alert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { CodeInput } from '@/components/code-input';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { TextAreaField } from '@/components/text-area-field';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useAgentKeyProof } from '../api/agent-key-proof';
import { useTicketAction } from '../api/ticket-mutations';
import styles from './review-panel.module.css';
import { ReviewSignals } from './review-signals';

/** Refusals about the agent's own code, shown on the code field rather than above the form. */
const CODE_REFUSALS = new Set(['INVALID_CODE', 'CODE_LOCKED', 'RESET_REQUIRED']);

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
  const [code, setCode] = useState('');
  const [codeIncomplete, setCodeIncomplete] = useState(false);
  const canUnbind = ticket.actions.includes('unbind_mfa');
  const codeRefused = isApiError(unbind.error) && CODE_REFUSALS.has(unbind.error.code);

  const agentKey = useAgentKeyProof();
  const [keyPromptFailed, setKeyPromptFailed] = useState(false);

  /** The reply as it will be sent, or null once its problem is shown. */
  function replyToSend(): string | null {
    const body = message.trim();
    if (body.length === 0) {
      setProblem(t('field.required'));
      return null;
    }
    if (body.length > TICKET_REPLY_MAX_LENGTH) {
      setProblem(t('tickets.form.tooLong', { max: TICKET_REPLY_MAX_LENGTH }));
      return null;
    }
    return body;
  }

  // TICKET-11: the agent proves it is them with a fresh code of their own (step-up).
  function confirm(digits = code) {
    if (unbind.isPending) return;
    const body = replyToSend();
    if (body === null) return;
    if (digits.length !== CODE_LENGTH) return setCodeIncomplete(true);
    send({ reply: body, code: digits });
  }

  // KEY-2: or with a security key of their own; a closed prompt leaves the dialog as it was.
  async function confirmWithKey() {
    if (unbind.isPending) return;
    const body = replyToSend();
    if (body === null) return;
    setKeyPromptFailed(false);
    unbind.reset();
    try {
      send({ reply: body, securityKey: await agentKey.prove() });
    } catch {
      setKeyPromptFailed(true);
    }
  }

  function send(request: SupportUnbindRequest) {
    unbind.mutate(request, {
      onSuccess: () => {
        setOpen(false);
        setCode('');
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
        {ticket.verification && (
          <div>
            <dt>{t('tickets.verification.from')}</dt>
            <dd>
              {ticket.verification.submittedFrom === 'login'
                ? t('tickets.verification.fromLogin')
                : t('tickets.verification.fromConsole')}
            </dd>
          </div>
        )}
      </dl>
      <h3 className={styles.signalsTitle}>{t('support.signals.title')}</h3>
      <dl className={styles.review}>
        <ReviewSignals signals={review.signals} />
      </dl>
      {canUnbind ? (
        <div className={styles.reviewAction}>
          <p className={styles.reviewHint}>{t('support.review.unbindHint')}</p>
          <Button
            variant="danger"
            onClick={() => {
              unbind.reset();
              setCode('');
              setCodeIncomplete(false);
              setOpen(true);
            }}
          >
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
        error={codeRefused ? null : unbind.error}
        onConfirm={() => confirm()}
        onCancel={() => setOpen(false)}
      >
        <form
          className={styles.unbindForm}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            confirm();
          }}
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
          <CodeInput
            label={t('support.unbindCode')}
            hint={t('support.unbindCodeHint')}
            value={code}
            onChange={(digits) => {
              setCode(digits);
              setCodeIncomplete(false);
              // CODE-3: a refusal no longer describes an edited code.
              if (codeRefused) unbind.reset();
            }}
            onComplete={(digits) => confirm(digits)}
            error={
              codeIncomplete
                ? t('code.incomplete')
                : codeRefused
                  ? errorMessage(t, language, unbind.error)
                  : undefined
            }
            readOnly={unbind.isPending}
            // eslint-disable-next-line jsx-a11y/no-autofocus -- the code is what this dialog adds to a yes
            autoFocus
          />
          {keyPromptFailed && <Alert tone="danger">{t('keys.promptFailed')}</Alert>}
          {agentKey.available && (
            <div>
              <Button
                variant="link"
                onClick={() => void confirmWithKey()}
                disabled={unbind.isPending}
              >
                {t('keys.useInstead')}
              </Button>
            </div>
          )}
        </form>
      </ConfirmDialog>
    </Card>
  );
}
