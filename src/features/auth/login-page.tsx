import { lazy, type ReactNode, useEffect } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { appPaths } from '@/api/app-paths';
import type { Session } from '@/api/schemas/session';
import { PageCard } from '@/components/page-card';
import { BRAND_NAME } from '@/lib/brand';
import { loadChosenCatalogue, useT } from '@/lib/i18n/i18n';
import { useSession } from '@/lib/session';
import { BackToLogin } from './back-to-login';
import { LoginForm } from './login-form';
import { loginStep } from './login-steps';
import { endNotice, useSessionEnd } from './session-end';

/**
 * The later steps load only for a session that owes them, so the password
 * form stays light; each waits for the words past the first screen's too.
 */
const MfaChallenge = lazy(() =>
  Promise.all([import('./mfa-challenge'), loadChosenCatalogue()]).then(([module]) => ({
    default: module.MfaChallenge,
  })),
);

/** `/login?help=unbind-mfa`: the Unbind MFA ticket of TICKET-8, so a reload stays on it. */
const HELP_PARAM = 'help';
const UNBIND_MFA = 'unbind-mfa';

/**
 * /login shows the step the session is at (LOGIN-2), as `loginStep` decides:
 * the password form, the code owed (LOGIN-3) or the bind owed (LOGIN-4).
 * Guards keep active sessions out. The bind wizard and the ticket form belong
 * to other features, so the app hands them in.
 */
export function LoginPage({
  footer,
  forcedBind,
  unbindTicket,
}: {
  /** Under the password form: the demo build's hints. */
  footer?: ReactNode;
  forcedBind: (session: Extract<Session, { state: 'mfa_setup_required' }>) => ReactNode;
  unbindTicket: (ticket: {
    session: Extract<Session, { state: 'mfa_required' }>;
    backToLogin: ReactNode;
    onBack: () => void;
  }) => ReactNode;
}) {
  const t = useT();
  const { data: session } = useSession();
  const [params, setParams] = useSearchParams();
  const endReason = useSessionEnd((state) => state.reason);
  const bindCancelledFor = useSessionEnd((state) => state.bindCancelledFor);
  const wantsUnbind = params.get(HELP_PARAM) === UNBIND_MFA;

  useEffect(() => {
    if (session?.state === 'active') useSessionEnd.setState({ reason: null, destination: null });
    // The notice of a cancelled forced bind is for the login page it led to, not for the next login.
    if (session && session.state !== 'anonymous')
      useSessionEnd.setState({ bindCancelledFor: null });
  }, [session]);

  // The ticket form belongs to a login owing its code; anyone else starts from the login form.
  useEffect(() => {
    if (wantsUnbind && session && session.state !== 'mfa_required') {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.delete(HELP_PARAM);
          return next;
        },
        { replace: true },
      );
    }
  }, [wantsUnbind, session, setParams]);

  const step = loginStep(session, wantsUnbind);
  switch (step.step) {
    case 'none':
      return null;
    case 'password':
      return (
        <PageCard
          title={t('login.title', { brand: BRAND_NAME })}
          subtitle={t('login.subtitle')}
          footer={footer}
        >
          <LoginForm
            notice={endNotice(
              t,
              endReason ?? (session?.state === 'anonymous' ? (session.endedBy ?? null) : null),
              bindCancelledFor,
            )}
          />
        </PageCard>
      );
    case 'forced-bind':
      return forcedBind(step.session);
    case 'unbind-ticket':
      return unbindTicket({
        session: step.session,
        backToLogin: <BackToLogin />,
        onBack: () => {
          const next = new URLSearchParams(params);
          next.delete(HELP_PARAM);
          setParams(next);
        },
      });
    case 'code': {
      const withHelp = new URLSearchParams(params);
      withHelp.set(HELP_PARAM, UNBIND_MFA);
      return (
        <MfaChallenge
          session={step.session}
          lostDevice={
            <span>
              {t('recovery.lostBoth')}{' '}
              <Link to={`${appPaths.login.href}?${withHelp.toString()}`}>
                {t('tickets.lost.link')}
              </Link>
            </span>
          }
        />
      );
    }
  }
}
