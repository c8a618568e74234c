import { request, requestBlob } from '@/api/client';
import { paths } from '@/api/paths';
import {
  type Attachment,
  ATTACHMENT_FILE_FIELD,
  ATTACHMENT_NAME_FIELD,
} from '@/api/schemas/tickets';

/** TICKET-3: one file, as multipart; the name travels in its own part too. */
export function uploadAttachment(file: File, signal?: AbortSignal): Promise<Attachment> {
  const form = new FormData();
  form.append(ATTACHMENT_FILE_FIELD, file, file.name);
  form.append(ATTACHMENT_NAME_FIELD, file.name);
  return request<Attachment>(paths.ticketAttachments.href, {
    method: 'POST',
    body: form,
    ...(signal ? { signal } : {}),
  });
}

export function fetchAttachment(id: string): Promise<Blob> {
  return requestBlob(paths.ticketAttachment.href(id));
}
