import type { ReactNode } from 'react';
import { Alert } from '@/components/alert';
import { StepHeading } from '@/components/page-heading';
import { useT } from '@/lib/i18n/i18n';
import styles from './bind-wizard.module.css';

/** BIND-3: the wizard's last screen, with what the host offers next. */
export function BoundPanel({ text, action }: { text: string; action: ReactNode }) {
  const t = useT();
  return (
    <div className={styles.success}>
      <StepHeading>{t('bind.successTitle')}</StepHeading>
      <Alert tone="success">{text}</Alert>
      {action}
    </div>
  );
}
