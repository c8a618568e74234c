import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router-dom';
import { appPaths } from '@/api/app-paths';
import { PageSpinner } from '@/components/page-spinner';
import { useT } from '@/lib/i18n/i18n';
import styles from './devtools.module.css';

/** The frame of the dev tools; reachable signed in or not. */
export function DevLayout() {
  const t = useT();
  const tabClass = ({ isActive }: { isActive: boolean }) =>
    isActive ? `${styles.tab} ${styles.activeTab}` : styles.tab;
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <p className={styles.banner}>{t('dev.banner')}</p>
        <nav aria-label={t('dev.title')} className={styles.tabs}>
          <NavLink to={appPaths.devTools.href} end className={tabClass}>
            {t('dev.title')}
          </NavLink>
          <NavLink to={appPaths.devMailbox.href} className={tabClass}>
            {t('dev.mailbox')}
          </NavLink>
          <NavLink to={appPaths.home.href} className={styles.tab}>
            {t('dev.backToConsole')}
          </NavLink>
        </nav>
      </header>
      <main id="main" className={styles.main}>
        <Suspense fallback={<PageSpinner />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
