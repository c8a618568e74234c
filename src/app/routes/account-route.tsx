import { AccountPage } from '@/features/account/account-page';
import { MfaAction } from '@/features/mfa/mfa-action';

/** Account Management, with the MFA feature's Bind / Unbind in its Security Settings row. */
export function Component() {
  return <AccountPage mfaAction={(account) => <MfaAction account={account} />} />;
}
