import { TICKET_PAGE_SIZES } from '@/api/schemas/tickets';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { Pagination } from '@/components/pagination';
import { QueryState } from '@/components/query-state';
import { TicketFilters } from '@/components/tickets/ticket-filters';
import { TicketTable } from '@/components/tickets/ticket-table';
import { useTicketListParams } from '@/components/tickets/use-ticket-list-params';
import { useT } from '@/lib/i18n/i18n';
import { useSupportQueue } from './support-queries';
import styles from './support.module.css';

/** The customer-service console (TICKET-7): the queue of every workspace's tickets. */
export function Component() {
  const t = useT();
  const list = useTicketListParams();
  const queue = useSupportQueue(list.query);
  return (
    <>
      <PageHeader title={t('support.title')} subtitle={t('support.subtitle')} />
      <Card>
        <div className={styles.queue}>
          <TicketFilters list={list} />
          <QueryState query={queue}>
            {(data) =>
              data.total === 0 ? (
                list.filtered ? (
                  <EmptyState
                    title={t('tickets.noMatches')}
                    hint={t('tickets.noMatchesHint')}
                    action={<Button onClick={list.clear}>{t('tickets.filter.clear')}</Button>}
                  />
                ) : (
                  <EmptyState title={t('support.empty')} hint={t('support.emptyHint')} />
                )
              ) : (
                <>
                  <TicketTable
                    label={t('support.queue')}
                    tickets={data.tickets}
                    columns={['submitter', 'workspace']}
                    hrefOf={(ticket) => `/support/tickets/${encodeURIComponent(ticket.id)}`}
                    busy={queue.isPlaceholderData}
                  />
                  <Pagination
                    label={t('pagination.label')}
                    page={list.state.page}
                    pageSize={list.state.pageSize}
                    total={data.total}
                    pageSizes={TICKET_PAGE_SIZES}
                    onPage={(next) => list.update({ page: next })}
                    onPageSize={(size) => list.update({ pageSize: size })}
                  />
                </>
              )
            }
          </QueryState>
        </div>
      </Card>
    </>
  );
}
