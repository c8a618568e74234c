import { type ReactNode, useEffect, useState } from 'react';
import { TICKET_SEARCH_MAX_LENGTH } from '@/api/limits';
import { TICKET_STATUSES, TICKET_TYPES } from '@/api/schemas/tickets';
import { Button } from '@/components/button';
import { SelectField } from '@/components/select-field';
import { TextField } from '@/components/text-field';
import { useT } from '@/lib/i18n/i18n';
import { ticketStatusKey, ticketTypeKey } from '../ticket-labels';
import styles from './ticket-filters.module.css';
import type { TicketListParams } from './use-ticket-list-params';

/** Typing settles this long before the list is asked again. */
export const SEARCH_DEBOUNCE_MS = 300;

/** TICKET-1: filter by type and status, search by ticket number or title. */
export function TicketFilters({ list, actions }: { list: TicketListParams; actions?: ReactNode }) {
  const t = useT();
  const { state, update, clear, filtered } = list;
  const [text, setText] = useState(state.q);
  const [textFor, setTextFor] = useState(state.q);
  // The URL wins when it changes by itself (back button, Clear filters).
  if (textFor !== state.q) {
    setTextFor(state.q);
    if (text.trim() !== state.q.trim()) setText(state.q);
  }

  useEffect(() => {
    if (text.trim() === state.q.trim()) return undefined;
    const timer = setTimeout(
      () => update({ q: text.trim() }, { replace: true }),
      SEARCH_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [text, state.q, update]);

  return (
    <div className={styles.filters}>
      <TextField
        className={styles.search}
        type="search"
        label={t('tickets.filter.search')}
        placeholder={t('tickets.filter.searchPlaceholder')}
        maxLength={TICKET_SEARCH_MAX_LENGTH}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') update({ q: text.trim() }, { replace: true });
        }}
      />
      <SelectField
        label={t('tickets.field.type')}
        value={state.type}
        onChange={(event) => update({ type: event.target.value as typeof state.type })}
        options={[
          { value: '', label: t('tickets.filter.allTypes') },
          ...TICKET_TYPES.map((type) => ({ value: type, label: t(ticketTypeKey(type)) })),
        ]}
      />
      <SelectField
        label={t('tickets.field.status')}
        value={state.status}
        onChange={(event) => update({ status: event.target.value as typeof state.status })}
        options={[
          { value: '', label: t('tickets.filter.allStatuses') },
          ...TICKET_STATUSES.map((status) => ({
            value: status,
            label: t(ticketStatusKey(status)),
          })),
        ]}
      />
      <div className={styles.filterActions}>
        {filtered && (
          <Button variant="ghost" onClick={clear}>
            {t('tickets.filter.clear')}
          </Button>
        )}
        {actions}
      </div>
    </div>
  );
}
