import { DevToolsPage } from '@/features/devtools/dev-tools-page';

export function Component() {
  return <DevToolsPage />;
}
