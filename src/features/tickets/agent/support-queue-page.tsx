import { appPaths } from '@/api/app-paths';
import { Card } from '@/components/card';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { useT } from '@/lib/i18n/i18n';
import { useSupportQueue } from '../api/ticket-queries';
import { TicketFilters } from '../ui/ticket-filters';
import { TicketListResults } from '../ui/ticket-list-results';
import { useTicketListParams } from '../ui/use-ticket-list-params';
import styles from './support-queue-page.module.css';

/** The customer-service console (TICKET-7): the queue of every workspace's tickets. */
export function SupportQueuePage() {
  const t = useT();
  const list = useTicketListParams();
  const queue = useSupportQueue(list.query);
  return (
    <>
      <PageHeader title={t('support.title')} subtitle={t('support.subtitle')} />
      <Card>
        <div className={styles.queue}>
          <TicketFilters list={list} />
          <TicketListResults
            list={list}
            page={queue}
            label={t('support.queue')}
            columns={['submitter', 'workspace']}
            hrefOf={(ticket) => appPaths.supportTicket.href(ticket.id)}
            empty={<EmptyState title={t('support.empty')} hint={t('support.emptyHint')} />}
          />
        </div>
      </Card>
    </>
  );
}
