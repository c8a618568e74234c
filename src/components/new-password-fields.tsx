import { PASSWORD_MIN_LENGTH } from '@/api/limits';
import { useT } from '@/lib/i18n/i18n';
import { type NewPasswordErrors, newPasswordMessage } from '@/lib/new-password';
import { TextField } from './text-field';

/** A new password typed twice (PASSWORD-1, PASSWORD-2), with the policy as a hint. */
export function NewPasswordFields({
  password,
  repeat,
  onPasswordChange,
  onRepeatChange,
  errors,
  shown,
}: {
  password: string;
  repeat: string;
  onPasswordChange: (value: string) => void;
  onRepeatChange: (value: string) => void;
  errors: NewPasswordErrors;
  shown: boolean;
}) {
  const t = useT();
  return (
    <>
      <TextField
        label={t('password.new')}
        type={shown ? 'text' : 'password'}
        name="new-password"
        autoComplete="new-password"
        value={password}
        onChange={(event) => onPasswordChange(event.target.value)}
        hint={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
        error={newPasswordMessage(t, errors.newPassword)}
        required
      />
      <TextField
        label={t('password.repeat')}
        type={shown ? 'text' : 'password'}
        name="new-password-repeat"
        autoComplete="new-password"
        value={repeat}
        onChange={(event) => onRepeatChange(event.target.value)}
        error={newPasswordMessage(t, errors.repeat)}
        required
      />
    </>
  );
}
