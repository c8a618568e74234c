/** English for tickets and customer service (TICKET-*), spread into the English catalogue. */
export const enTickets = {
  'errors.TICKET_STATUS_CONFLICT':
    'This ticket has changed in the meantime, so that action is no longer possible. Reload to see where it stands.',
  'errors.IDEMPOTENCY_KEY_REUSED':
    'This submission was already sent with other content. Try again.',
  'audit.ticket.unbind_requested': 'Unbind MFA ticket submitted',
  'audit.ticket.unbind_processed': 'Unbind MFA ticket processed by customer service',
} as const;
