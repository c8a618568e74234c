import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { appPaths } from '@/api/app-paths';
import { TICKET_TYPES, type TicketType } from '@/api/schemas/tickets';
import { buttonClassName } from '@/components/button';
import { Card } from '@/components/card';
import { PageHeader } from '@/components/page-header';
import { useT } from '@/lib/i18n/i18n';
import { useActiveSession } from '@/lib/session';
import { BackLink } from '../ui/ticket-layout';
import { TicketStatusBadge } from '../ui/ticket-status-badge';
import styles from './submit-ticket-page.module.css';
import { TicketForm } from './ticket-form';

/** Submit Ticket (TICKET-2); `?type=` chooses the type, as the login's Unbind MFA link does. */
export function SubmitTicketPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const requested = params.get('type');
  const session = useActiveSession();
  const asked = TICKET_TYPES.find((type): type is TicketType => type === requested) ?? '';
  const initialType = asked === 'unbind_mfa' && !session.user.mfaBound ? '' : asked;
  return (
    <>
      <BackLink to={appPaths.tickets.href}>{t('tickets.backToList')}</BackLink>
      <PageHeader title={t('tickets.submit')} subtitle={t('tickets.submitSubtitle')} />
      <div className={styles.submitGrid}>
        <Card>
          <TicketForm
            keepDraft
            initialType={initialType}
            mfaBound={session.user.mfaBound}
            onSubmitted={(ticket) =>
              navigate(appPaths.ticket.href(ticket.id), {
                state: { submitted: ticket.number },
              })
            }
            secondary={
              <Link to={appPaths.tickets.href} className={buttonClassName('ghost')}>
                {t('common.cancel')}
              </Link>
            }
          />
        </Card>
        <HowTicketsWork />
      </div>
    </>
  );
}

const STEPS = [
  ['waiting_assignment', 'tickets.how.waiting_assignment'],
  ['waiting_feedback', 'tickets.how.waiting_feedback'],
  ['feedback_provided', 'tickets.how.feedback_provided'],
  ['closed', 'tickets.how.closed'],
  ['canceled', 'tickets.how.canceled'],
] as const;

/** TICKET-5 in plain words, beside the form. */
function HowTicketsWork() {
  const t = useT();
  return (
    <Card title={t('tickets.how.title')} headingLevel={2}>
      <ol className={styles.howList}>
        {STEPS.map(([status, key]) => (
          <li key={status}>
            <TicketStatusBadge status={status} />
            <span className={styles.howNote}>{t(key)}</span>
          </li>
        ))}
      </ol>
    </Card>
  );
}
