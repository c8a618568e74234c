import { useEffect, useRef } from 'react';
import { Outlet, useParams } from 'react-router-dom';
import { QueryState } from '@/components/query-state';
import { useSwitchWorkspace } from '@/features/auth/api/auth-mutations';
import { useSession } from '@/lib/session';

/**
 * GUARD-2: reading a workspace never changes the session, so a workspace
 * reached by URL is entered on purpose first (`PUT /session/workspace`), as
 * the switcher does. One that enforces MFA answers with a session that owes the
 * binding, and the guards send the user to the wizard with this page as
 * `returnTo` (LOGIN-4). A workspace the user is not in is left to its pages,
 * which show it as not found.
 */
export function Component() {
  const { workspaceId = '' } = useParams();
  // Not the active session hook: once the answer says a binding is owed, this
  // renders for a moment before the guards above take the user to the wizard.
  const { data: session } = useSession();
  const switchTo = useSwitchWorkspace(() => undefined);
  const entering = useRef<string | null>(null);
  const active = session?.state === 'active' ? session : null;
  const isMember = active?.workspaces.some((workspace) => workspace.id === workspaceId) ?? false;
  const mustEnter = isMember && active?.currentWorkspaceId !== workspaceId;
  const { mutate } = switchTo;

  useEffect(() => {
    // Once per visit, also when React runs the effect twice.
    if (!mustEnter) {
      entering.current = null;
      return;
    }
    if (entering.current === workspaceId) return;
    entering.current = workspaceId;
    mutate(workspaceId);
  }, [mustEnter, workspaceId, mutate]);

  if (!active) return null;
  if (!mustEnter) return <Outlet />;
  // Loading, or a failure with a retry, like any page's data; the page itself
  // renders once the session names this workspace.
  return (
    <QueryState
      query={{
        data: undefined,
        error: switchTo.error,
        isPending: switchTo.isPending,
        refetch: () => mutate(workspaceId),
        isRefetching: switchTo.isPending,
      }}
    >
      {() => null}
    </QueryState>
  );
}
