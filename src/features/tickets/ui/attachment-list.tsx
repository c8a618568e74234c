import { useEffect, useRef, useState } from 'react';
import type { Attachment } from '@/api/schemas/tickets';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { Spinner } from '@/components/spinner';
import { saveBlob } from '@/lib/download';
import { errorMessage } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { fetchAttachment } from '../api/attachment-requests';
import { formatBytes } from '../ticket-labels';
import styles from './attachment-list.module.css';
import { FileIcon } from './file-icon';

interface Preview {
  attachment: Attachment;
  blob: Blob;
}

/**
 * TICKET-3: attachments open again from the ticket. Images show in a preview
 * with a download button; other files download straight away.
 */
export function AttachmentList({ attachments }: { attachments: readonly Attachment[] }) {
  const t = useT();
  const language = useLanguage();
  const [opening, setOpening] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [preview, setPreview] = useState<Preview | null>(null);

  async function open(attachment: Attachment) {
    setOpening(attachment.id);
    setFailure(null);
    try {
      const blob = await fetchAttachment(attachment.id);
      if (attachment.contentType.startsWith('image/')) setPreview({ attachment, blob });
      else saveBlob(blob, attachment.name);
    } catch (error) {
      setFailure(error);
    } finally {
      setOpening(null);
    }
  }

  if (attachments.length === 0) return null;
  return (
    <div className={styles.attachments}>
      <ul className={styles.chips} aria-label={t('tickets.attachments.label')}>
        {attachments.map((attachment) => (
          <li key={attachment.id}>
            <button
              type="button"
              className={styles.chip}
              onClick={() => void open(attachment)}
              disabled={opening !== null}
              aria-busy={opening === attachment.id || undefined}
            >
              {opening === attachment.id ? <Spinner size="sm" /> : <FileIcon />}
              <span className={styles.chipName}>{attachment.name}</span>
              <span className={styles.chipSize}>{formatBytes(attachment.size, language)}</span>
            </button>
          </li>
        ))}
      </ul>
      {failure !== null && (
        <Alert tone="danger" title={t('tickets.attachments.openFailed')}>
          {errorMessage(t, language, failure)}
        </Alert>
      )}
      {preview && <ImagePreview preview={preview} onClose={() => setPreview(null)} />}
    </div>
  );
}

function ImagePreview({ preview, onClose }: { preview: Preview; onClose: () => void }) {
  const t = useT();
  const image = useRef<HTMLImageElement>(null);
  // The object URL lives exactly as long as the preview shows it.
  useEffect(() => {
    const objectUrl = URL.createObjectURL(preview.blob);
    if (image.current) image.current.src = objectUrl;
    return () => URL.revokeObjectURL(objectUrl);
  }, [preview.blob]);

  return (
    <Dialog
      open
      title={preview.attachment.name}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.close')}</Button>
          <Button variant="primary" onClick={() => saveBlob(preview.blob, preview.attachment.name)}>
            {t('tickets.attachments.download')}
          </Button>
        </>
      }
    >
      <div className={styles.preview}>
        <img ref={image} alt={preview.attachment.name} className={styles.previewImage} />
      </div>
    </Dialog>
  );
}
