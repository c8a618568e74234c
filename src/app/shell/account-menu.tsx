import { Link } from 'react-router-dom';
import { appPaths } from '@/api/app-paths';
import type { User } from '@/api/schemas/session';
import { DisclosureMenu } from '@/components/disclosure-menu';
import itemStyles from '@/components/menu-item.module.css';
import { useLogOut } from '@/features/auth/api/auth-mutations';
import { useT } from '@/lib/i18n/i18n';
import { LanguageSelect } from '../language-select';
import { ThemeSelect } from '../theme-select';
import styles from './shell.module.css';

/** SHELL-1: avatar and name at the bottom left; Account Management, language, theme, log out. */
export function AccountMenu({ user, onNavigate }: { user: User; onNavigate: () => void }) {
  const t = useT();
  const logOut = useLogOut();
  return (
    <DisclosureMenu
      trigger={
        <span className={styles.accountTrigger}>
          <span className="visually-hidden">{t('shell.accountMenu')}</span>
          <span className={styles.avatar} aria-hidden="true">
            {initialsOf(user.name)}
          </span>
          <span className={styles.accountText}>
            <span className={styles.accountName}>{user.name}</span>
            <span className={styles.accountEmail}>{user.email}</span>
          </span>
        </span>
      }
    >
      {(close) => (
        <>
          <Link
            to={appPaths.account.href}
            className={itemStyles.item}
            onClick={() => {
              close();
              onNavigate();
            }}
          >
            {t('shell.accountManagement')}
          </Link>
          <div className={itemStyles.separator} />
          <div className={styles.menuControls}>
            <LanguageSelect />
            <ThemeSelect />
          </div>
          <div className={itemStyles.separator} />
          <button
            type="button"
            className={itemStyles.item}
            onClick={() => logOut.mutate()}
            disabled={logOut.isPending}
          >
            {t('shell.logout')}
          </button>
        </>
      )}
    </DisclosureMenu>
  );
}

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');
}
