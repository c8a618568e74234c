import { AccountPage } from '@/features/account/account-page';
import { MfaAction } from '@/features/mfa/mfa-action';
import { RegenerateRecoveryCodes } from '@/features/mfa/regenerate-recovery-codes';
import { SecurityKeysPanel } from '@/features/mfa/security-keys/security-keys-panel';

/**
 * Account Management, with the MFA feature's actions in its Security Settings
 * rows: Bind / Change authenticator / Unbind, Regenerate recovery codes, and
 * the security keys (KEY-1).
 */
export function Component() {
  return (
    <AccountPage
      mfaAction={(account) => <MfaAction account={account} />}
      recoveryCodesAction={() => <RegenerateRecoveryCodes />}
      securityKeys={(account) => <SecurityKeysPanel account={account} />}
    />
  );
}
