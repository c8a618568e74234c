import { isApiError } from '@/api/api-error';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { PageCard } from '@/components/page-card';
import { errorMessage } from '@/lib/error-message';
import type { MessageKey } from '@/lib/i18n/en';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useCancelUnbindRequest } from '../api/ticket-mutations';

/** What a refusal of the link means to the person holding it. */
const REFUSALS: Partial<Record<string, MessageKey>> = {
  NOT_FOUND: 'tickets.cancelRequest.unknown',
  VALIDATION_FAILED: 'tickets.cancelRequest.unknown',
  TICKET_STATUS_CONFLICT: 'tickets.cancelRequest.tooLate',
};

/**
 * TICKET-12: the page behind the link in an Unbind MFA request's notice email.
 * It asks before it acts (a mail scanner that follows links cancels nothing),
 * works without a session, and says what happened.
 */
export function CancelUnbindRequestPage({ token }: { token: string }) {
  const t = useT();
  const language = useLanguage();
  const cancel = useCancelUnbindRequest();
  const refusal =
    isApiError(cancel.error) && REFUSALS[cancel.error.code]
      ? t(REFUSALS[cancel.error.code] as MessageKey)
      : cancel.error
        ? errorMessage(t, language, cancel.error)
        : null;
  return (
    <PageCard title={t('tickets.cancelRequest.title')} subtitle={t('tickets.cancelRequest.text')}>
      {cancel.isSuccess ? (
        <Alert tone="success">
          {t('tickets.cancelRequest.done', { number: cancel.data.number })}
        </Alert>
      ) : (
        <>
          {refusal && <Alert tone="danger">{refusal}</Alert>}
          <Button
            variant="danger"
            busy={cancel.isPending}
            disabled={token === '' || cancel.isPending}
            onClick={() => cancel.mutate(token)}
          >
            {t('tickets.cancelRequest.confirm')}
          </Button>
        </>
      )}
    </PageCard>
  );
}
