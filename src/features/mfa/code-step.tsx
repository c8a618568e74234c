import type { ReactNode } from 'react';
import { isApiError } from '@/api/api-error';
import type { EnrollmentConfirmed } from '@/api/schemas/mfa';
import { CodeForm } from '@/components/code-form';
import { StepHeading } from '@/components/page-heading';
import { useT } from '@/lib/i18n/i18n';
import { useConfirmEnrollment } from './api/mfa-mutations';
import styles from './bind-wizard.module.css';

/** BIND-3: the first dynamic code from the app confirms the binding. */
export function CodeStep({
  email,
  onBound,
  onExpired,
  secondary,
}: {
  email: string;
  onBound: (confirmed: EnrollmentConfirmed) => void;
  /** The secret expired (BIND-5): the wizard starts over and says why. */
  onExpired: () => void;
  secondary: ReactNode;
}) {
  const t = useT();
  const confirm = useConfirmEnrollment();
  return (
    <div className={styles.step}>
      <StepHeading>{t('bind.codeTitle')}</StepHeading>
      <p>{t('bind.codeText', { email })}</p>
      <CodeForm
        label={t('code.dynamicLabel')}
        focusOnMount={false}
        onSubmit={(code) =>
          confirm.mutate(code, {
            onSuccess: onBound,
            onError: (error) => {
              if (isApiError(error) && error.code === 'ENROLLMENT_REQUIRED') onExpired();
            },
          })
        }
        pending={confirm.isPending}
        error={confirm.error}
        secondary={secondary}
      />
    </div>
  );
}
