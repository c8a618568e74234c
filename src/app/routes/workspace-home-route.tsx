import { WorkspaceHome } from '@/features/workspace/workspace-home';

export function Component() {
  return <WorkspaceHome />;
}
