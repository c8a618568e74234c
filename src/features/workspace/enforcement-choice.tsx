import { useId } from 'react';
import { MFA_GRACE_DAYS_MAX, MFA_GRACE_DAYS_MIN } from '@/api/limits';
import { TextField } from '@/components/text-field';
import { useT } from '@/lib/i18n/i18n';
import styles from './workspace.module.css';

/** MANDATORY-5: enforce mandatory MFA now, or after a grace period of whole days, as typed. */
export interface Enforcement {
  when: 'now' | 'later';
  days: string;
}

/** The grace period typed, in whole days within the contract's range; null when it is not. */
export function graceDaysOf(typed: string): number | null {
  if (!/^\d{1,2}$/.test(typed.trim())) return null;
  const days = Number(typed.trim());
  return days >= MFA_GRACE_DAYS_MIN && days <= MFA_GRACE_DAYS_MAX ? days : null;
}

export function EnforcementChoice({
  value,
  error,
  disabled,
  onChange,
}: {
  value: Enforcement;
  error: string | undefined;
  disabled: boolean;
  onChange: (value: Enforcement) => void;
}) {
  const t = useT();
  const name = useId();
  const options = [
    { when: 'now', label: t('security.whenNow'), hint: t('security.whenNowHint') },
    { when: 'later', label: t('security.whenLater'), hint: t('security.whenLaterHint') },
  ] as const;
  return (
    <fieldset className={styles.choice} disabled={disabled}>
      <legend className={styles.legend}>{t('security.whenLegend')}</legend>
      {options.map((option) => {
        const id = `${name}-${option.when}`;
        return (
          <div key={option.when} className={styles.option}>
            <input
              id={id}
              type="radio"
              name={name}
              value={option.when}
              checked={value.when === option.when}
              aria-describedby={`${id}-hint`}
              onChange={() => onChange({ ...value, when: option.when })}
            />
            <span>
              <label htmlFor={id} className={styles.optionLabel}>
                {option.label}
              </label>
              <span id={`${id}-hint`} className={styles.muted}>
                {option.hint}
              </span>
            </span>
          </div>
        );
      })}
      {value.when === 'later' && (
        <TextField
          className={styles.days}
          label={t('security.graceDays')}
          type="number"
          inputMode="numeric"
          min={MFA_GRACE_DAYS_MIN}
          max={MFA_GRACE_DAYS_MAX}
          step={1}
          value={value.days}
          error={error}
          onChange={(event) => onChange({ ...value, days: event.target.value })}
        />
      )}
    </fieldset>
  );
}
