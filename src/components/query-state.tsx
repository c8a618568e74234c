import type { ReactNode } from 'react';
import { errorMessage } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { Alert } from './alert';
import { Button } from './button';
import { PageSpinner } from './page-spinner';

/** Loading and failure of a query, with a retry (QUAL-1); renders children once there is data. */
export function QueryState<T>({
  query,
  children,
}: {
  query: {
    data: T | undefined;
    error: unknown;
    isPending: boolean;
    refetch: () => unknown;
    isRefetching?: boolean;
  };
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  const language = useLanguage();
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) {
    return (
      <Alert
        tone="danger"
        title={t('common.loadFailed')}
        action={
          <Button size="sm" onClick={() => void query.refetch()} busy={query.isRefetching}>
            {t('common.retry')}
          </Button>
        }
      >
        {errorMessage(t, language, query.error)}
      </Alert>
    );
  }
  return <PageSpinner />;
}
