import { AccountPage } from '@/features/account/account-page';
import { MfaAction } from '@/features/mfa/mfa-action';
import { RegenerateRecoveryCodes } from '@/features/mfa/regenerate-recovery-codes';

/**
 * Account Management, with the MFA feature's actions in its Security Settings
 * rows: Bind / Change authenticator / Unbind, and Regenerate recovery codes.
 */
export function Component() {
  return (
    <AccountPage
      mfaAction={(account) => <MfaAction account={account} />}
      recoveryCodesAction={() => <RegenerateRecoveryCodes />}
    />
  );
}
