import { TextField } from '@/components/text-field';
import { fieldMessage } from '@/lib/error-message';
import { useT } from '@/lib/i18n/i18n';

/** The email of the login form and of Forgot password?, with the server's word on it. */
export function EmailField({
  value,
  onChange,
  fieldError,
}: {
  value: string;
  onChange: (email: string) => void;
  /** The field error code the server answered, if any. */
  fieldError: string | undefined;
}) {
  const t = useT();
  return (
    <TextField
      label={t('login.email')}
      type="email"
      name="email"
      autoComplete="username"
      inputMode="email"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={fieldError === 'invalid_format' ? t('field.email') : fieldMessage(t, fieldError)}
      required
    />
  );
}
