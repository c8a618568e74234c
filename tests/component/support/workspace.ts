import { BOB_TOTP_SECRET } from '@/backend/seed';
import { mockApi } from './mock-api';

/** Test set-up: the owner has bound MFA, as if through the wizard, so the policy may be switched on. */
export async function ownerHasMfa(): Promise<void> {
  await mockApi().server.run((state) => {
    const owner = state.accounts.find((account) => account.email === 'owner@example.com');
    if (owner)
      owner.mfa = { secret: BOB_TOTP_SECRET, boundAt: 0, lastUsedStep: 0, recoveryCodes: [] };
  });
}
