import { Link } from 'react-router-dom';
import { appPaths } from '@/api/app-paths';
import { DisclosureMenu } from '@/components/disclosure-menu';
import { Icon } from '@/components/icon';
import itemStyles from '@/components/menu-item.module.css';
import { DOCS_URL } from '@/lib/brand';
import { useT } from '@/lib/i18n/i18n';
import styles from './shell.module.css';

/** SHELL-1: Help > Ticket Management, and the documentation. */
export function HelpMenu({ onNavigate }: { onNavigate: () => void }) {
  const t = useT();
  return (
    <DisclosureMenu
      trigger={
        <span className={styles.helpTrigger}>
          <Icon name="help" />
          {t('shell.help')}
        </span>
      }
    >
      {(close) => (
        <>
          <Link
            to={appPaths.tickets.href}
            className={itemStyles.item}
            onClick={() => {
              close();
              onNavigate();
            }}
          >
            {t('shell.ticketManagement')}
          </Link>
          <a
            className={itemStyles.item}
            href={DOCS_URL}
            target="_blank"
            rel="noreferrer"
            onClick={close}
          >
            {t('shell.documentation')}{' '}
            <span className="visually-hidden">{t('shell.opensInNewTab')}</span>
            <span aria-hidden="true">↗</span>
          </a>
        </>
      )}
    </DisclosureMenu>
  );
}
