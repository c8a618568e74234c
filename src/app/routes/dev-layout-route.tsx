import { DevLayout } from '@/features/devtools/dev-layout';

/** MOCK-8: the dev tools' frame, outside the console, so it needs no session. */
export function Component() {
  return <DevLayout />;
}
