import type { Session } from '@/api/schemas/session';
import { Button } from '@/components/button';
import { PageCard } from '@/components/page-card';
import { useLogOut } from '@/features/auth/api/auth-mutations';
import { useSessionEnd } from '@/features/auth/session-end';
import { BindWizard } from '@/features/mfa/bind-wizard';
import { BoundPanel } from '@/features/mfa/bound-panel';
import { useT } from '@/lib/i18n/i18n';
import { useSessionCache } from '@/lib/session';

type SetupSession = Extract<Session, { state: 'mfa_setup_required' }>;

/**
 * LOGIN-4: the same bind wizard as Account Management, in the login layout.
 * The workspace opens only once the binding succeeded and the session that
 * owed it has been replaced by a full one. Cancel binding is the one way out
 * on every step: it signs the user out, and the login page says why.
 */
export function ForcedBind({ session }: { session: SetupSession }) {
  const t = useT();
  const logOut = useLogOut();
  const setBindCancelledFor = useSessionEnd((state) => state.setBindCancelledFor);
  const workspace = session.workspace.name;
  return (
    <PageCard
      wide
      title={t('forced.title', { workspace })}
      subtitle={t('forced.subtitle', { workspace })}
    >
      <BindWizard
        onCancelled={() => {
          setBindCancelledFor(workspace);
          logOut.mutate();
        }}
        renderSuccess={(active) => <EnterWorkspace session={active} workspace={workspace} />}
      />
    </PageCard>
  );
}

function EnterWorkspace({ session, workspace }: { session: Session; workspace: string }) {
  const t = useT();
  const cache = useSessionCache();
  return (
    <BoundPanel
      text={t('forced.successText', { workspace })}
      action={
        <Button variant="primary" onClick={() => cache.replace(session)}>
          {t('bind.enterWorkspace', { workspace })}
        </Button>
      }
    />
  );
}
