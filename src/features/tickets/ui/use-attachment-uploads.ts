import { useCallback, useEffect, useRef, useState } from 'react';
import { cleanFileName } from '@/api/file-names';
import { ATTACHMENTS_MAX_PER_SUBMISSION } from '@/api/limits';
import { type Attachment, type AttachmentProblem, attachmentProblem } from '@/api/schemas/tickets';
import { uploadAttachment } from '../api/attachment-requests';

export interface UploadItem {
  key: string;
  name: string;
  size: number;
  status: 'uploading' | 'done' | 'failed';
  attachment: Attachment | null;
  error: unknown;
  file: File | null;
}

export interface RefusedFile {
  name: string;
  problem: AttachmentProblem | 'too_many';
}

let nextKey = 0;
const keyOf = () => `upload-${(nextKey += 1)}`;

/**
 * TICKET-3 in the form: files are checked against the contract's limits before
 * anything is sent, then uploaded at once, so submitting sends only their ids.
 * A refused file never leaves the browser.
 */
export function useAttachmentUploads(initial: readonly Attachment[] = []) {
  const [items, setItems] = useState<UploadItem[]>(() =>
    initial.map((attachment) => ({
      key: keyOf(),
      name: attachment.name,
      size: attachment.size,
      status: 'done',
      attachment,
      error: null,
      file: null,
    })),
  );
  const [refused, setRefused] = useState<RefusedFile[]>([]);
  const controllers = useRef(new Map<string, AbortController>());

  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const controller of running.values()) controller.abort();
    };
  }, []);

  const upload = useCallback((key: string, file: File) => {
    const controller = new AbortController();
    controllers.current.set(key, controller);
    const update = (change: Partial<UploadItem>) =>
      setItems((current) =>
        current.map((item) => (item.key === key ? { ...item, ...change } : item)),
      );
    uploadAttachment(file, controller.signal).then(
      (attachment) => update({ status: 'done', attachment, error: null }),
      (error: unknown) => {
        if (!controller.signal.aborted) update({ status: 'failed', error });
      },
    );
  }, []);

  const add = useCallback(
    (files: readonly File[]) => {
      const refusedNow: RefusedFile[] = [];
      const accepted: UploadItem[] = [];
      let room = ATTACHMENTS_MAX_PER_SUBMISSION - items.length;
      for (const file of files) {
        // GUARD-6: the name is shown, and judged, as the server will store it.
        const name = cleanFileName(file.name);
        const problem = attachmentProblem({ name, size: file.size });
        if (problem) refusedNow.push({ name, problem });
        else if (room <= 0) refusedNow.push({ name, problem: 'too_many' });
        else {
          room -= 1;
          accepted.push({
            key: keyOf(),
            name,
            size: file.size,
            status: 'uploading',
            attachment: null,
            error: null,
            file,
          });
        }
      }
      setRefused(refusedNow);
      if (accepted.length === 0) return;
      setItems((current) => [...current, ...accepted]);
      for (const item of accepted) if (item.file) upload(item.key, item.file);
    },
    [items.length, upload],
  );

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    controllers.current.delete(key);
    setItems((current) => current.filter((item) => item.key !== key));
  }, []);

  const retry = useCallback(
    (key: string) => {
      const item = items.find((candidate) => candidate.key === key);
      if (!item?.file) return;
      setItems((current) =>
        current.map((entry) =>
          entry.key === key ? { ...entry, status: 'uploading', error: null } : entry,
        ),
      );
      upload(key, item.file);
    },
    [items, upload],
  );

  const clear = useCallback(() => {
    setItems([]);
    setRefused([]);
  }, []);

  const attachments = items.flatMap((item) => (item.attachment ? [item.attachment] : []));
  return {
    items,
    refused,
    add,
    remove,
    retry,
    clear,
    attachments,
    ids: attachments.map((attachment) => attachment.id),
    busy: items.some((item) => item.status === 'uploading'),
    failed: items.some((item) => item.status === 'failed'),
  };
}

export type AttachmentUploads = ReturnType<typeof useAttachmentUploads>;
