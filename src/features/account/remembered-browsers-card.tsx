import { useState } from 'react';
import { Alert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { QueryState } from '@/components/query-state';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import styles from './account.module.css';
import { useForgetRememberedBrowser, useRememberedBrowsers } from './api/remembered-browsers';
import { deviceOf } from './session-device';

/**
 * REMEMBER-1: the browsers that skip the login code, this one marked, each
 * with when it was remembered, last used and when it asks again, and Forget.
 * Forgetting asks no confirmation: it only ever asks for the code again.
 */
export function RememberedBrowsersCard() {
  const t = useT();
  const language = useLanguage();
  const browsers = useRememberedBrowsers();
  const forget = useForgetRememberedBrowser();
  const [forgotten, setForgotten] = useState(false);
  return (
    <Card title={t('remember.title')} description={t('remember.description')}>
      <QueryState query={browsers}>
        {(list) => (
          <div className={styles.sessions}>
            {forgotten && <Alert tone="success">{t('remember.forgotten')}</Alert>}
            {forget.isError && (
              <Alert tone="danger">{errorMessage(t, language, forget.error)}</Alert>
            )}
            {list.length === 0 ? (
              <p className={styles.rowDescription}>{t('remember.empty')}</p>
            ) : (
              <ul className={styles.rows}>
                {list.map((browser) => {
                  const device = deviceOf(t, browser);
                  const remembered = formatDateTime(browser.rememberedAt, language);
                  return (
                    <li key={browser.id} className={styles.row}>
                      <div className={styles.rowText}>
                        <h3 className={styles.rowTitle}>
                          {device}
                          {browser.current && <Badge tone="info">{t('remember.current')}</Badge>}
                        </h3>
                        <p className={styles.rowDescription}>
                          <span className={styles.keepTogether}>
                            {t('remember.rememberedAt', { time: remembered })}
                          </span>
                          {' · '}
                          <span className={styles.keepTogether}>
                            {t('remember.lastUsed', {
                              time: formatDateTime(browser.lastUsedAt, language),
                            })}
                          </span>
                        </p>
                        <p className={styles.rowDescription}>
                          {t('remember.expiresAt', {
                            time: formatDateTime(browser.expiresAt, language),
                          })}
                        </p>
                      </div>
                      <div className={styles.rowAction}>
                        <Button
                          size="sm"
                          aria-label={t('remember.forgetOne', { device, time: remembered })}
                          busy={forget.isPending && forget.variables === browser.id}
                          disabled={forget.isPending}
                          onClick={() =>
                            forget.mutate(browser.id, { onSuccess: () => setForgotten(true) })
                          }
                        >
                          {t('remember.forget')}
                        </Button>
                      </div>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        )}
      </QueryState>
    </Card>
  );
}
