import type { MfaPolicy } from '@/api/schemas/workspace';
import { Alert } from '@/components/alert';
import { Card } from '@/components/card';
import { Switch } from '@/components/switch';
import { errorMessage } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useSetRememberPolicy } from './api/workspace-mutations';
import styles from './workspace.module.css';

/**
 * REMEMBER-1: beside MFA Security Authentication, the Owner's switch that lets
 * members skip the code on a remembered browser for 30 days. A Secure
 * Workspace keeps it off, and says so. Switching needs no confirmation: off
 * only asks members for more, and on takes effect at their next code step.
 */
export function RememberPolicyCard({
  workspaceId,
  policy,
}: {
  workspaceId: string;
  policy: MfaPolicy;
}) {
  const t = useT();
  const language = useLanguage();
  const setPolicy = useSetRememberPolicy(workspaceId);
  const { allowed, locked } = policy.rememberedBrowsers;
  return (
    <Card title={t('remember.policyTitle')} description={t('remember.policyDescription')}>
      <div className={styles.policy}>
        <Switch
          label={t('remember.policyLabel')}
          checked={allowed}
          onLabel={t('security.on')}
          offLabel={t('security.off')}
          disabled={!policy.canChange || locked || setPolicy.isPending}
          onChange={() => setPolicy.mutate({ allowed: !allowed })}
        />
        <p className={styles.switchText}>{t('remember.policyLabel')}</p>
      </div>
      {/* A member reads why both switches are off limits once, under the first. */}
      {locked && <p className={styles.muted}>{t('remember.policyLocked')}</p>}
      {setPolicy.isSuccess && (
        <Alert tone="success">{allowed ? t('remember.policyOn') : t('remember.policyOff')}</Alert>
      )}
      {setPolicy.isError && (
        <Alert tone="danger">{errorMessage(t, language, setPolicy.error)}</Alert>
      )}
    </Card>
  );
}
