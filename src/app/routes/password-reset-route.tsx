import { PasswordResetPage } from '@/features/auth/password-reset-page';

/** PASSWORD-2: Forgot password?, in the login layout. */
export function Component() {
  return <PasswordResetPage />;
}
