import { useNavigate } from 'react-router-dom';
import { appPaths } from '@/api/app-paths';
import type { WorkspaceSummary } from '@/api/schemas/session';
import { DisclosureMenu } from '@/components/disclosure-menu';
import { Icon } from '@/components/icon';
import itemStyles from '@/components/menu-item.module.css';
import { useSwitchWorkspace } from '@/features/auth/api/auth-mutations';
import { useSessionEnd } from '@/features/auth/session-end';
import { useT } from '@/lib/i18n/i18n';
import styles from './shell.module.css';

/** SHELL-1: the workspace name at the top of the navigation, and the switch between them. */
export function WorkspaceSwitcher({
  workspaces,
  currentId,
}: {
  workspaces: WorkspaceSummary[];
  currentId: string | null;
}) {
  const t = useT();
  const navigate = useNavigate();
  const setDestination = useSessionEnd((state) => state.setDestination);
  const current = workspaces.find((workspace) => workspace.id === currentId) ?? workspaces[0];
  // A workspace that enforces MFA answers with a session that owes it; the
  // guards then send the user to bind, and back to that workspace after.
  const switchTo = useSwitchWorkspace((session, workspaceId) => {
    const destination = appPaths.workspace.href(workspaceId);
    if (session.state === 'active') navigate(destination);
    else setDestination(destination);
  });

  if (!current) return null;
  return (
    <DisclosureMenu
      placement="down"
      trigger={
        <span className={styles.workspaceTrigger}>
          <span className={styles.workspaceInitial} aria-hidden="true">
            {current.name.slice(0, 1)}
          </span>
          <span className={styles.workspaceText}>
            <span className={styles.eyebrow}>{t('shell.workspace')}</span>
            <span className={styles.workspaceName} title={current.name}>
              {current.name}
            </span>
            <span className="visually-hidden">{t('shell.switchWorkspace')}</span>
          </span>
          <Icon name="chevron" />
        </span>
      }
    >
      {(close) =>
        workspaces.map((workspace) => (
          <button
            key={workspace.id}
            type="button"
            className={itemStyles.item}
            aria-current={workspace.id === current.id ? 'true' : undefined}
            disabled={switchTo.isPending}
            onClick={() => {
              close();
              if (workspace.id !== current.id) switchTo.mutate(workspace.id);
            }}
          >
            {workspace.name}
          </button>
        ))
      }
    </DisclosureMenu>
  );
}
