import { Card } from '@/components/card';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { useT } from '@/lib/i18n/i18n';

/** The customer-service console (TICKET-7). */
export function Component() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('support.title')} subtitle={t('support.subtitle')} />
      <Card>
        <EmptyState title={t('support.empty')} hint={t('support.emptyHint')} />
      </Card>
    </>
  );
}
