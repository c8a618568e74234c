import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { TICKET_PAGE_SIZES, type TicketPage, type TicketSummary } from '@/api/schemas/tickets';
import { Button } from '@/components/button';
import { EmptyState } from '@/components/empty-state';
import { Pagination } from '@/components/pagination';
import { QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n/i18n';
import { type TicketColumn, TicketTable } from './ticket-table';
import type { TicketListParams } from './use-ticket-list-params';

/**
 * One page of a ticket list (TICKET-1): the table and its pagination, "nothing
 * matches" with a way to clear the filters, or the list's own empty state.
 */
export function TicketListResults({
  list,
  page,
  label,
  columns,
  hrefOf,
  empty,
}: {
  list: TicketListParams;
  page: UseQueryResult<TicketPage>;
  label: string;
  columns: TicketColumn[];
  hrefOf: (ticket: TicketSummary) => string;
  /** What an unfiltered list with no tickets says. */
  empty: ReactNode;
}) {
  const t = useT();
  return (
    <QueryState query={page}>
      {(data) =>
        data.total === 0 ? (
          list.filtered ? (
            <EmptyState
              title={t('tickets.noMatches')}
              hint={t('tickets.noMatchesHint')}
              action={<Button onClick={list.clear}>{t('tickets.filter.clear')}</Button>}
            />
          ) : (
            empty
          )
        ) : (
          <>
            <TicketTable
              label={label}
              tickets={data.tickets}
              columns={columns}
              hrefOf={hrefOf}
              busy={page.isPlaceholderData}
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
  );
}
