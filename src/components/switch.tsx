import styles from './switch.module.css';

/**
 * An on/off switch (role="switch"). It does not flip itself: `onChange` asks,
 * and the owner of the state decides, after a confirmation if need be.
 */
export function Switch({
  label,
  checked,
  onChange,
  onLabel,
  offLabel,
  disabled = false,
}: {
  label: string;
  checked: boolean;
  onChange: () => void;
  onLabel: string;
  offLabel: string;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      className={styles.switch}
      disabled={disabled}
      onClick={onChange}
    >
      <span className={styles.track} aria-hidden="true">
        <span className={styles.thumb} />
      </span>
      <span className={styles.state} aria-hidden="true">
        {checked ? onLabel : offLabel}
      </span>
    </button>
  );
}
