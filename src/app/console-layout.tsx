import { Suspense, useState } from 'react';
import { NavLink, Outlet, useLocation, useParams } from 'react-router-dom';
import { appPaths } from '@/api/app-paths';
import { Icon } from '@/components/icon';
import { PageSpinner } from '@/components/page-spinner';
import { RecoveryNotice } from '@/features/auth/recovery-notice';
import { RememberedNotice } from '@/features/auth/remembered-notice';
import { BRAND_NAME } from '@/lib/brand';
import { useT } from '@/lib/i18n/i18n';
import { useActiveSession } from '@/lib/session';
import { BrandMark } from './brand-mark';
import { DemoServerNotice } from './demo-server-notice';
import { DevLinks } from './dev-links';
import { GraceBanner } from './grace-banner';
import { AccountMenu } from './shell/account-menu';
import { HelpMenu } from './shell/help-menu';
import styles from './shell/shell.module.css';
import { WorkspaceSwitcher } from './shell/workspace-switcher';

/** SHELL-1: the console frame, with the left navigation; a drawer on narrow screens. */
export function ConsoleLayout() {
  const t = useT();
  const session = useActiveSession();
  const params = useParams();
  const location = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [drawerFor, setDrawerFor] = useState(location.pathname);
  if (drawerFor !== location.pathname) {
    setDrawerFor(location.pathname);
    setDrawerOpen(false);
  }
  const closeDrawer = () => setDrawerOpen(false);

  const workspaceId =
    params.workspaceId ?? session.currentWorkspaceId ?? session.workspaces[0]?.id ?? null;
  const workspace = session.workspaces.find((candidate) => candidate.id === workspaceId);
  const navClass = ({ isActive }: { isActive: boolean }) =>
    isActive ? `${styles.navLink} ${styles.active}` : styles.navLink;

  return (
    <div className={styles.shell}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className={styles.topbar}>
        <button
          type="button"
          className={styles.menuButton}
          aria-expanded={drawerOpen}
          aria-controls="console-navigation"
          onClick={() => setDrawerOpen((open) => !open)}
        >
          <Icon name="menu" />
          <span className="visually-hidden">
            {drawerOpen ? t('shell.closeNavigation') : t('shell.openNavigation')}
          </span>
        </button>
        <span className={styles.topbarBrand}>
          <BrandMark />
          {BRAND_NAME}
        </span>
      </header>

      <aside
        id="console-navigation"
        className={`${styles.sidebar} ${drawerOpen ? styles.open : ''}`}
      >
        <div className={styles.sidebarBrand}>
          <BrandMark />
          {BRAND_NAME}
        </div>
        {session.workspaces.length > 0 && (
          <WorkspaceSwitcher workspaces={session.workspaces} currentId={workspace?.id ?? null} />
        )}
        <nav aria-label={t('shell.navigation')} className={styles.nav}>
          {workspace && (
            <NavLink to={appPaths.workspace.href(workspace.id)} end className={navClass}>
              <Icon name="home" />
              {t('shell.home')}
            </NavLink>
          )}
          {workspace?.role === 'owner' && (
            <NavLink to={appPaths.workspaceMembers.href(workspace.id)} className={navClass}>
              <Icon name="members" />
              {t('shell.members')}
            </NavLink>
          )}
          {workspace && (
            <NavLink to={appPaths.workspaceSecurity.href(workspace.id)} className={navClass}>
              <Icon name="shield" />
              <span className={styles.navStack}>
                <span className={styles.navEyebrow}>{t('shell.workspaceSettings')}</span>
                {t('shell.security')}
              </span>
            </NavLink>
          )}
          {session.user.kind === 'agent' && (
            <NavLink to={appPaths.supportQueue.href} className={navClass}>
              <Icon name="inbox" />
              {t('shell.supportConsole')}
            </NavLink>
          )}
        </nav>
        <div className={styles.sidebarFooter}>
          <DevLinks onNavigate={closeDrawer} />
          <HelpMenu onNavigate={closeDrawer} />
          <AccountMenu user={session.user} onNavigate={closeDrawer} />
        </div>
      </aside>
      {drawerOpen && <div className={styles.scrim} onClick={closeDrawer} aria-hidden="true" />}

      <main id="main" className={styles.main}>
        <DemoServerNotice />
        <div className={styles.content}>
          <RecoveryNotice />
          <RememberedNotice />
          <GraceBanner workspace={workspace} mfaBound={session.user.mfaBound} />
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </div>
      </main>
    </div>
  );
}
