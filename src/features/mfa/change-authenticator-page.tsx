import { type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { appPaths } from '@/api/app-paths';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { PageHeader } from '@/components/page-header';
import { StepHeading } from '@/components/page-heading';
import { SecondFactorForm } from '@/components/second-factor-form';
import { Steps } from '@/components/steps';
import { useT } from '@/lib/i18n/i18n';
import { useActiveSession, useSessionCache } from '@/lib/session';
import { useCancelEnrollment, useStartAuthenticatorChange } from './api/mfa-mutations';
import { useStepUpKey } from './api/security-key-requests';
import type { HeldSecret } from './app-step';
import { AppStep, useAppStepName } from './app-step';
import styles from './bind-wizard.module.css';
import { CodeStep } from './code-step';
import { RegenerateRecoveryCodes } from './regenerate-recovery-codes';

type Stage = 'prove' | 'app' | 'code' | 'done';
const STEP_INDEX: Record<Stage, number> = { prove: 0, app: 1, code: 2, done: 3 };

/**
 * RECOVERY-4: Change authenticator. The old app (or a recovery code) proves
 * the account holder, then the bind wizard's own app and code steps bind a new
 * secret. Until that is confirmed the old app keeps working, so leaving half
 * way changes nothing.
 */
export function ChangeAuthenticatorPage() {
  const t = useT();
  const appStepName = useAppStepName();
  const navigate = useNavigate();
  const { email } = useActiveSession().user;
  const [stage, setStage] = useState<Stage>('prove');
  // BIND-5: held above the steps, as the bind wizard does, so Back shows the same QR code.
  const [secret, setSecret] = useState<HeldSecret | null>(null);
  const [expired, setExpired] = useState(false);
  const cancel = useCancelEnrollment();
  const backToAccount = () => navigate(appPaths.account.href);

  const cancelButton = (
    <Button
      variant="ghost"
      onClick={() =>
        stage === 'prove' ? backToAccount() : cancel.mutate(undefined, { onSettled: backToAccount })
      }
      busy={cancel.isPending}
    >
      {t('change.cancel')}
    </Button>
  );

  // The new secret and the proof ran out: prove it is you again, and say why.
  const restart = () => {
    setSecret(null);
    setExpired(true);
    setStage('prove');
  };

  let body: ReactNode;
  if (stage === 'prove') {
    body = (
      <ProveStep
        notice={expired ? <Alert tone="warning">{t('change.expiredNotice')}</Alert> : null}
        onProven={() => {
          setExpired(false);
          setStage('app');
        }}
        secondary={cancelButton}
      />
    );
  } else if (stage === 'app') {
    body = (
      <AppStep
        email={email}
        secret={secret}
        onSecret={setSecret}
        onExpired={restart}
        onNext={() => setStage('code')}
        secondary={cancelButton}
      />
    );
  } else if (stage === 'code') {
    body = (
      <CodeStep
        email={email}
        onBound={() => {
          // A change keeps the account's recovery codes (RECOVERY-4): nothing to show.
          setSecret(null);
          setStage('done');
        }}
        onExpired={restart}
        secondary={
          <>
            {cancelButton}
            <Button onClick={() => setStage('app')}>{t('common.back')}</Button>
          </>
        }
      />
    );
  } else {
    body = <ChangedPanel onDone={backToAccount} />;
  }

  return (
    <>
      <PageHeader title={t('change.title')} />
      <Card>
        <div className={styles.wizard}>
          <Steps
            label={t('change.steps')}
            steps={[t('change.step1'), appStepName, t('bind.step3')]}
            current={STEP_INDEX[stage]}
          />
          {body}
        </div>
      </Card>
    </>
  );
}

function ProveStep({
  notice,
  onProven,
  secondary,
}: {
  notice: ReactNode;
  onProven: () => void;
  secondary: ReactNode;
}) {
  const t = useT();
  const start = useStartAuthenticatorChange();
  const securityKey = useStepUpKey();
  return (
    <div className={styles.step}>
      <StepHeading>{t('change.proveTitle')}</StepHeading>
      {notice}
      <p>{t('change.proveText')}</p>
      <p className={styles.muted}>{t('change.keepsWorking')}</p>
      <SecondFactorForm
        onSubmit={(proof) => start.mutate(proof, { onSuccess: onProven })}
        pending={start.isPending}
        error={start.error}
        focusOnMount={false}
        onSwitch={() => start.reset()}
        secondary={secondary}
        securityKey={securityKey}
      />
    </div>
  );
}

function ChangedPanel({ onDone }: { onDone: () => void }) {
  const t = useT();
  const cache = useSessionCache();
  return (
    <div className={styles.success}>
      <StepHeading>{t('change.doneTitle')}</StepHeading>
      {/* SESSION-2: the server ended every other session of the account. */}
      <Alert tone="success">{`${t('change.doneText')} ${t('sessions.signedOutOthers')}`}</Alert>
      {/* Someone who proved it with a recovery code (no phone) ends with a fresh set here. */}
      <p>{t('change.newCodesText')}</p>
      <div>
        <RegenerateRecoveryCodes label={t('recovery.makeNew')} />
      </div>
      <div>
        <Button
          variant="primary"
          onClick={() => {
            void cache.refetchAll();
            onDone();
          }}
        >
          {t('bind.returnToAccount')}
        </Button>
      </div>
    </div>
  );
}
