import { useState } from 'react';
import { Alert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { QueryState } from '@/components/query-state';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import styles from './account.module.css';
import { useSignOutOtherSessions, useSignOutSession } from './api/account-mutations';
import { useAccountSessions } from './api/account-queries';
import { addressOf, deviceOf, inDisplayOrder } from './session-device';

type Done = 'one' | 'others' | null;

/**
 * SESSION-1: where the account is signed in, this session first and marked,
 * each with its browser, system, address and times; Sign out
 * for each other one, and Sign out all other sessions after a confirmation.
 * A signed-out tab gets 401 at its next request and shows the login.
 */
export function SessionsCard() {
  const t = useT();
  const language = useLanguage();
  const sessions = useAccountSessions();
  const signOutOne = useSignOutSession();
  const signOutOthers = useSignOutOtherSessions();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<Done>(null);

  return (
    <Card
      title={t('sessions.title')}
      // A tab is a session only in the in-browser mock; a server's session is a browser's cookie.
      description={t(import.meta.env.MOCK_BACKEND ? 'sessions.subtitleMock' : 'sessions.subtitle')}
    >
      <QueryState query={sessions}>
        {(list) => {
          const others = list.filter((session) => !session.current);
          return (
            <div className={styles.sessions}>
              {done && (
                <Alert tone="success">
                  {done === 'one' ? t('sessions.signedOutOne') : t('sessions.signedOutOthers')}
                </Alert>
              )}
              {signOutOne.isError && (
                <Alert tone="danger">{errorMessage(t, language, signOutOne.error)}</Alert>
              )}
              <ul className={styles.rows}>
                {inDisplayOrder(list).map((session) => {
                  const device = deviceOf(t, session);
                  const started = formatDateTime(session.createdAt, language);
                  return (
                    <li key={session.id} className={styles.row}>
                      <div className={styles.rowText}>
                        <h3 className={styles.rowTitle}>
                          {device}
                          {session.current && <Badge tone="info">{t('sessions.current')}</Badge>}
                        </h3>
                        <p className={styles.rowDescription}>
                          {/* A narrow screen breaks the line between the two times, not inside one. */}
                          <span className={styles.keepTogether}>
                            {t('sessions.started', { time: started })}
                          </span>
                          {' · '}
                          <span className={styles.keepTogether}>
                            {t('sessions.lastActive', {
                              time: formatDateTime(session.lastActiveAt, language),
                            })}
                          </span>
                        </p>
                        <p className={styles.rowDescription}>{addressOf(t, session)}</p>
                      </div>
                      {!session.current && (
                        <div className={styles.rowAction}>
                          <Button
                            size="sm"
                            aria-label={t('sessions.signOutOne', { device, time: started })}
                            busy={signOutOne.isPending && signOutOne.variables === session.id}
                            disabled={signOutOne.isPending}
                            onClick={() =>
                              signOutOne.mutate(session.id, { onSuccess: () => setDone('one') })
                            }
                          >
                            {t('sessions.signOut')}
                          </Button>
                        </div>
                      )}
                    </li>
                  );
                })}
              </ul>
              {others.length === 0 ? (
                <p className={styles.rowDescription}>{t('sessions.onlyThis')}</p>
              ) : (
                <div className={styles.sessionsActions}>
                  <Button
                    variant="danger"
                    onClick={() => {
                      signOutOthers.reset();
                      setConfirming(true);
                    }}
                  >
                    {t('sessions.signOutOthers')}
                  </Button>
                </div>
              )}
            </div>
          );
        }}
      </QueryState>
      <ConfirmDialog
        open={confirming}
        title={t('sessions.confirmTitle')}
        description={t('sessions.confirmText')}
        confirmLabel={t('sessions.signOutOthers')}
        tone="danger"
        pending={signOutOthers.isPending}
        error={signOutOthers.error}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          signOutOthers.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              setDone('others');
            },
          })
        }
      />
    </Card>
  );
}
