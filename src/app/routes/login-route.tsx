import { lazy } from 'react';
import { LoginPage } from '@/features/auth/login-page';
import { loadChosenCatalogue, useLanguage } from '@/lib/i18n/i18n';
import { DEMO_HINTS } from '../demo-hint';

/** LOGIN-4: the bind wizard of the mfa feature, loaded only for a session that owes a binding. */
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

/**
 * /login: the login's steps live in features/auth (login-steps.ts decides
 * which one shows); the app hands it the steps that other features own.
 */
export function Component() {
  const language = useLanguage();
  return (
    <LoginPage
      footer={import.meta.env.DEMO_BUILD ? DEMO_HINTS[language] : undefined}
      forcedBind={(session) => <ForcedBind session={session} />}
      unbindTicket={({ session, backToLogin, onBack }) => (
        <UnbindMfaTicket
          email={session.email}
          expiresAt={session.expiresAt}
          backToLogin={backToLogin}
          onBack={onBack}
        />
      )}
    />
  );
}
