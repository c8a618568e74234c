import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { appPaths, returningTo } from '@/api/app-paths';
import { buttonClassName } from '@/components/button';
import { Card } from '@/components/card';
import { PageHeader } from '@/components/page-header';
import { useT } from '@/lib/i18n/i18n';
import { useActiveSession } from '@/lib/session';

/**
 * TICKET-11: the console is for agents with MFA bound; the server refuses the
 * others (403 MFA_SETUP_REQUIRED), so an agent without it is shown the way to
 * bind, which brings them back here (BIND-7), instead of a failed queue.
 */
export function AgentMfaGate({ children }: { children: ReactNode }) {
  const t = useT();
  const session = useActiveSession();
  if (session.user.mfaBound) return <>{children}</>;
  return (
    <>
      <PageHeader title={t('support.title')} />
      <Card title={t('support.mfaRequired.title')} description={t('support.mfaRequired.text')}>
        <Link
          to={returningTo(appPaths.bindMfa.href, appPaths.supportQueue.href)}
          className={buttonClassName('primary')}
        >
          {t('support.mfaRequired.action')}
        </Link>
      </Card>
    </>
  );
}
