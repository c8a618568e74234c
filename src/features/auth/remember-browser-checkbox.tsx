import { useId } from 'react';
import { useT } from '@/lib/i18n/i18n';
import styles from './mfa-challenge.module.css';

/**
 * REMEMBER-1: "Don't ask again on this browser for 30 days". It sits above
 * the code, since a pasted or autofilled code submits itself: ticked first,
 * it goes with the code.
 */
export function RememberBrowserCheckbox({
  checked,
  onChange,
  disabled,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled: boolean;
}) {
  const t = useT();
  const id = useId();
  return (
    <div className={styles.remember}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.checked)}
      />
      <div>
        <label htmlFor={id} className={styles.rememberLabel}>
          {t('remember.checkbox')}
        </label>
        <p id={`${id}-hint`} className={styles.rememberHint}>
          {t('remember.checkboxHint')}
        </p>
      </div>
    </div>
  );
}
