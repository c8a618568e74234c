import { Link } from 'react-router-dom';
import { appPaths } from '@/api/app-paths';
import { PageCard } from '@/components/page-card';
import { useT } from '@/lib/i18n/i18n';
import styles from './login-layout.module.css';

export function NotFound() {
  const t = useT();
  return (
    <main id="main" className={styles.main}>
      <PageCard title={t('app.notFound')} subtitle={t('app.notFoundHint')}>
        <Link to={appPaths.home.href}>{t('app.goHome')}</Link>
      </PageCard>
    </main>
  );
}
