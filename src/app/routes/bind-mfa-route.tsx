import { BindPage } from '@/features/mfa/bind-page';

/** Account Management > Security Settings > Bind: the MFA feature's wizard as a page of its own. */
export function Component() {
  return <BindPage />;
}
