import type { enTickets } from './en-tickets';

/** Simplified Chinese for tickets and customer service; typed against English so none is missing. */
export const zhCNTickets: Record<keyof typeof enTickets, string> = {
  'errors.TICKET_STATUS_CONFLICT': '工单状态已变更，该操作已不可用。请刷新查看最新状态。',
  'errors.IDEMPOTENCY_KEY_REUSED': '该提交已以不同内容发送过，请重试。',
  'audit.ticket.unbind_requested': '已提交解绑 MFA 工单',
  'audit.ticket.unbind_processed': '客服已处理解绑 MFA 工单',
};
