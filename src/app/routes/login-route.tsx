import { lazy, useEffect } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { appPaths } from '@/api/app-paths';
import { PageCard } from '@/components/page-card';
import { BackToLogin } from '@/features/auth/back-to-login';
import { LoginForm } from '@/features/auth/login-form';
import { type SessionEnd, useSessionEnd } from '@/features/auth/session-end';
import { BRAND_NAME } from '@/lib/brand';
import { loadChosenCatalogue, type Translate, useLanguage, useT } from '@/lib/i18n/i18n';
import { useSession } from '@/lib/session';
import { DEMO_HINTS } from '../demo-hint';

/**
 * The later steps load only for a session that owes them, so the password
 * form stays light; each waits for the words past the first screen's too.
 */
const MfaChallenge = lazy(() =>
  Promise.all([import('@/features/auth/mfa-challenge'), loadChosenCatalogue()]).then(
    ([module]) => ({ default: module.MfaChallenge }),
  ),
);
const ForcedBind = lazy(() =>
  Promise.all([import('./forced-bind'), loadChosenCatalogue()]).then(([module]) => ({
    default: module.ForcedBind,
  })),
);
/** The ticket form loads only when someone follows Unbind MFA (QUAL-3). */
const UnbindMfaTicket = lazy(() =>
  Promise.all([
    import('@/features/tickets/requester/unbind-mfa-ticket'),
    loadChosenCatalogue(),
  ]).then(([module]) => ({ default: module.UnbindMfaTicket })),
);

/** What the login page says of a session that ended without the user logging out here. */
function endNotice(t: Translate, reason: SessionEnd): string | undefined {
  switch (reason) {
    case 'expired':
      return t('login.sessionExpired');
    case 'signed_out':
      return t('login.endedSignedOut');
    case 'password_changed':
      return t('login.endedPasswordChanged');
    case 'security_changed':
      return t('login.endedSecurityChanged');
    case 'customer_service':
      return t('login.endedCustomerService');
    default:
      return undefined;
  }
}

/** `/login?help=unbind-mfa`: the Unbind MFA ticket of TICKET-8, so a reload stays on it. */
const HELP_PARAM = 'help';
const UNBIND_MFA = 'unbind-mfa';

/**
 * /login shows the step the session is at (LOGIN-2): the password form, the
 * code owed (LOGIN-3) or the bind owed (LOGIN-4). Guards keep active sessions out.
 */
export function Component() {
  const t = useT();
  const language = useLanguage();
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

  if (session?.state === 'active') return null;
  // Until the session is known the password form shows: most visits end there anyway.
  if (!session || session.state === 'anonymous') {
    return (
      <PageCard
        title={t('login.title', { brand: BRAND_NAME })}
        subtitle={t('login.subtitle')}
        footer={import.meta.env.DEMO_BUILD ? DEMO_HINTS[language] : undefined}
      >
        <LoginForm
          notice={
            endNotice(t, endReason ?? session?.endedBy ?? null) ??
            (bindCancelledFor !== null
              ? t('forced.cancelledNotice', { workspace: bindCancelledFor })
              : undefined)
          }
        />
      </PageCard>
    );
  }
  if (session.state === 'mfa_setup_required') return <ForcedBind session={session} />;
  if (wantsUnbind) {
    return (
      <UnbindMfaTicket
        email={session.email}
        expiresAt={session.expiresAt}
        backToLogin={<BackToLogin />}
        onBack={() => {
          const next = new URLSearchParams(params);
          next.delete(HELP_PARAM);
          setParams(next);
        }}
      />
    );
  }
  const withHelp = new URLSearchParams(params);
  withHelp.set(HELP_PARAM, UNBIND_MFA);
  return (
    <MfaChallenge
      session={session}
      lostDevice={
        <span>
          {t('recovery.lostBoth')}{' '}
          <Link to={`${appPaths.login.href}?${withHelp.toString()}`}>{t('tickets.lost.link')}</Link>
        </span>
      }
    />
  );
}
