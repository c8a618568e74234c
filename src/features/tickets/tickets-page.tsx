import { Card } from '@/components/card';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { useT } from '@/lib/i18n/i18n';

/** Help > Ticket Management (TICKET-1). */
export function Component() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('tickets.title')} subtitle={t('tickets.subtitle')} />
      <Card>
        <EmptyState title={t('tickets.empty')} hint={t('tickets.emptyHint')} />
      </Card>
    </>
  );
}
