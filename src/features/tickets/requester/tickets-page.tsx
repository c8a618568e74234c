import { Link, useSearchParams } from 'react-router-dom';
import { appPaths } from '@/api/app-paths';
import { Alert } from '@/components/alert';
import { Button, buttonClassName } from '@/components/button';
import { Card } from '@/components/card';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { saveBlob } from '@/lib/download';
import { errorMessage } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useActiveSession } from '@/lib/session';
import { useTicketExport } from '../api/ticket-mutations';
import { type TicketScope, useTicketPage } from '../api/ticket-queries';
import { TicketFilters } from '../ui/ticket-filters';
import { TicketListResults } from '../ui/ticket-list-results';
import { type TicketListParams, useTicketListParams } from '../ui/use-ticket-list-params';
import { csvFileName, ticketsCsv } from './export-csv';
import styles from './tickets-page.module.css';

type View = 'all' | 'mine';

/** Help > Ticket Management (TICKET-1): All Tickets of the workspace, and My Tickets. */
export function TicketsPage() {
  const t = useT();
  const session = useActiveSession();
  const [params] = useSearchParams();
  const view: View = params.get('view') === 'mine' ? 'mine' : 'all';
  const workspaceId = session.currentWorkspaceId ?? session.workspaces[0]?.id ?? null;
  const workspace = session.workspaces.find((candidate) => candidate.id === workspaceId);
  const list = useTicketListParams();
  const scope: TicketScope | null =
    view === 'mine' ? { view } : workspaceId ? { view, workspaceId } : null;

  const tabHref = (next: View) => {
    const search = new URLSearchParams(params);
    search.delete('page');
    if (next === 'mine') search.set('view', 'mine');
    else search.delete('view');
    const text = search.toString();
    return text ? `${appPaths.tickets.href}?${text}` : appPaths.tickets.href;
  };

  return (
    <>
      <PageHeader
        title={t('tickets.title')}
        subtitle={t('tickets.subtitle')}
        actions={
          <Link to={appPaths.submitTicket.href} className={buttonClassName('primary')}>
            <span aria-hidden="true">＋</span>
            {t('tickets.submit')}
          </Link>
        }
      />
      <nav className={styles.tabs} aria-label={t('tickets.views')}>
        <Link
          to={tabHref('all')}
          className={styles.tab}
          aria-current={view === 'all' ? 'page' : undefined}
        >
          {t('tickets.view.all')}
          {workspace && (
            <>
              {' '}
              <span className={styles.tabNote}>{workspace.name}</span>
            </>
          )}
        </Link>
        <Link
          to={tabHref('mine')}
          className={styles.tab}
          aria-current={view === 'mine' ? 'page' : undefined}
        >
          {t('tickets.view.mine')}
        </Link>
      </nav>
      <Card>
        {scope ? (
          <TicketList scope={scope} list={list} />
        ) : (
          <EmptyState title={t('tickets.noWorkspaceTitle')} hint={t('tickets.noWorkspaceHint')} />
        )}
      </Card>
    </>
  );
}

function TicketList({ scope, list }: { scope: TicketScope; list: TicketListParams }) {
  const t = useT();
  const language = useLanguage();
  const page = useTicketPage(scope, list.query);
  const exporting = useTicketExport(scope, list.query, (tickets) => {
    const csv = ticketsCsv(tickets, t);
    saveBlob(
      new Blob([csv], { type: 'text/csv;charset=utf-8' }),
      csvFileName(scope.view, new Date()),
    );
  });

  return (
    <div className={styles.list}>
      <TicketFilters
        list={list}
        actions={
          <Button
            onClick={() => exporting.mutate()}
            busy={exporting.isPending}
            disabled={page.data?.total === 0}
          >
            {t('tickets.export')}
          </Button>
        }
      />
      {exporting.isError && (
        <Alert tone="danger" title={t('tickets.exportFailed')}>
          {errorMessage(t, language, exporting.error)}
        </Alert>
      )}
      <TicketListResults
        list={list}
        page={page}
        label={scope.view === 'mine' ? t('tickets.view.mine') : t('tickets.view.all')}
        columns={scope.view === 'mine' ? ['workspace'] : ['submitter']}
        hrefOf={(ticket) => appPaths.ticket.href(ticket.id)}
        empty={
          <EmptyState
            title={t('tickets.empty')}
            hint={scope.view === 'mine' ? t('tickets.emptyMineHint') : t('tickets.emptyHint')}
            action={
              <Link to={appPaths.submitTicket.href} className={buttonClassName('secondary')}>
                {t('tickets.submit')}
              </Link>
            }
          />
        }
      />
    </div>
  );
}
