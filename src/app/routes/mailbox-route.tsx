import { MailboxPage } from '@/features/devtools/mailbox-page';

export function Component() {
  return <MailboxPage />;
}
