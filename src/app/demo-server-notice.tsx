import { useT } from '@/lib/i18n/i18n';
import styles from './demo-server-notice.module.css';

/**
 * SERVER-6: a server started in demo mode says so on every page, since its
 * demo accounts and dev tools (anyone can reset the data) make it no place
 * for real accounts. Compiled out of every other build.
 */
export function DemoServerNotice() {
  const t = useT();
  if (!import.meta.env.DEMO_BUILD || import.meta.env.MOCK_BACKEND) return null;
  return <p className={styles.notice}>{t('app.demoServer')}</p>;
}
