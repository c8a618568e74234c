import { SecurityPage } from '@/features/workspace/security-page';

export function Component() {
  return <SecurityPage />;
}
