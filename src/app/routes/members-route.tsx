import { MembersPage } from '@/features/workspace/members-page';

/** Behind the member guard; the server answers only the workspace's Owner. */
export function Component() {
  return <MembersPage />;
}
