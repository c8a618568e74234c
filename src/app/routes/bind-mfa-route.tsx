import { matchPath, useSearchParams } from 'react-router-dom';
import { appPaths, RETURN_TO_PARAM } from '@/api/app-paths';
import { safeReturnTo } from '@/features/auth/return-to';
import { type BindOrigin, BindPage } from '@/features/mfa/bind-page';

/**
 * Account Management > Security Settings > Bind, the MFA feature's wizard as a
 * page of its own. BIND-7: a bind started elsewhere (Workspace Security's "Bind
 * MFA now", the grace banner's on any page) returns there once done or cancelled.
 */
export function Component() {
  const [search] = useSearchParams();
  return <BindPage origin={originOf(safeReturnTo(search.get(RETURN_TO_PARAM)))} />;
}

function originOf(returnTo: string | null): BindOrigin {
  if (returnTo && matchPath(appPaths.workspaceSecurity.pattern, returnTo)) {
    return { path: returnTo, page: 'workspaceSecurity' };
  }
  // TICKET-11: an agent binds before the console opens to them.
  if (returnTo && matchPath(appPaths.supportQueue.pattern, returnTo)) {
    return { path: returnTo, page: 'supportQueue' };
  }
  // MANDATORY-5: the grace banner's Bind MFA now, from any page of the console.
  if (returnTo && !matchPath(appPaths.account.pattern, returnTo)) {
    return { path: returnTo, page: 'page' };
  }
  return { path: appPaths.account.href, page: 'account' };
}
