import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  TICKET_PAGE_SIZE_DEFAULT,
  TICKET_PAGE_SIZES,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketListQuery,
  type TicketStatus,
  type TicketType,
} from '@/api/schemas/tickets';

export interface TicketListState {
  type: TicketType | '';
  status: TicketStatus | '';
  q: string;
  page: number;
  pageSize: number;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | '' {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : '';
}

/** The API query of a list state; empty filters are left out. */
export function toQuery(state: TicketListState): TicketListQuery {
  return {
    ...(state.type ? { type: state.type } : {}),
    ...(state.status ? { status: state.status } : {}),
    ...(state.q.trim() ? { q: state.q.trim() } : {}),
    page: state.page,
    pageSize: state.pageSize,
  };
}

/**
 * Filters, search and page live in the URL, so a reload, the back button and a
 * shared link show the same list. Any change of filter goes back to page 1.
 */
export function useTicketListParams() {
  const [params, setParams] = useSearchParams();
  const state = useMemo<TicketListState>(() => {
    const page = Number(params.get('page'));
    const pageSize = Number(params.get('pageSize'));
    return {
      type: oneOf(TICKET_TYPES, params.get('type')),
      status: oneOf(TICKET_STATUSES, params.get('status')),
      q: params.get('q') ?? '',
      page: Number.isInteger(page) && page >= 1 ? page : 1,
      pageSize: (TICKET_PAGE_SIZES as readonly number[]).includes(pageSize)
        ? pageSize
        : TICKET_PAGE_SIZE_DEFAULT,
    };
  }, [params]);

  const update = useCallback(
    (patch: Partial<TicketListState>, options: { replace?: boolean } = {}) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            if (value === '' || value === undefined) next.delete(key);
            else next.set(key, String(value));
          }
          if (!('page' in patch)) next.delete('page');
          if (next.get('pageSize') === String(TICKET_PAGE_SIZE_DEFAULT)) next.delete('pageSize');
          if (next.get('page') === '1') next.delete('page');
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    [setParams],
  );

  const clear = useCallback(() => update({ type: '', status: '', q: '' }), [update]);

  const filtered = state.type !== '' || state.status !== '' || state.q.trim() !== '';
  return { state, query: toQuery(state), update, clear, filtered };
}

export type TicketListParams = ReturnType<typeof useTicketListParams>;
