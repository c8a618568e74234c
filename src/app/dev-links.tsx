import { NavLink } from 'react-router-dom';
import { appPaths } from '@/api/app-paths';
import { Icon } from '@/components/icon';
import { useT } from '@/lib/i18n/i18n';
import styles from './shell/shell.module.css';

/** MOCK-8: links to the dev tools; compiled out of a production build. */
export function DevLinks({ onNavigate }: { onNavigate: () => void }) {
  const t = useT();
  if (!import.meta.env.DEMO_BUILD) return null;
  return (
    <NavLink to={appPaths.devTools.href} className={styles.devLink} onClick={onNavigate}>
      <Icon name="tool" />
      {t('shell.devTools')}
    </NavLink>
  );
}
