import { ChangeAuthenticatorPage } from '@/features/mfa/change-authenticator-page';

/** Account Management > Security Settings > Change authenticator (RECOVERY-4). */
export function Component() {
  return <ChangeAuthenticatorPage />;
}
