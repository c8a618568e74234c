import { useId } from 'react';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_MAX_PER_SUBMISSION } from '@/api/limits';
import { ATTACHMENT_EXTENSIONS } from '@/api/schemas/tickets';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Spinner } from '@/components/spinner';
import { errorMessage } from '@/lib/error-message';
import type { MessageKey } from '@/lib/i18n/en';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { formatBytes } from '../ticket-labels';
import styles from './attachment-picker.module.css';
import { FileIcon } from './file-icon';
import type { AttachmentUploads, RefusedFile } from './use-attachment-uploads';

const ACCEPT = ATTACHMENT_EXTENSIONS.map((extension) => `.${extension}`).join(',');

const REFUSAL_KEYS: Record<RefusedFile['problem'], MessageKey> = {
  attachment_type: 'tickets.attachments.refusedType',
  attachment_too_big: 'tickets.attachments.refusedSize',
  attachment_empty: 'tickets.attachments.refusedEmpty',
  too_many: 'tickets.attachments.refusedCount',
};

/**
 * TICKET-3: pick up to 5 files; each is checked here, before upload, and
 * uploaded at once. What the server refuses shows beside the file.
 */
export function AttachmentPicker({
  uploads,
  error,
  required = false,
  disabled = false,
}: {
  uploads: AttachmentUploads;
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
}) {
  const t = useT();
  const language = useLanguage();
  const labelId = useId();
  const hintId = useId();
  const errorId = useId();
  const full = uploads.items.length >= ATTACHMENTS_MAX_PER_SUBMISSION;
  const extensions = ATTACHMENT_EXTENSIONS.join(', ');

  return (
    <div
      className={styles.picker}
      role="group"
      aria-labelledby={labelId}
      aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(' ')}
    >
      <div className={styles.pickerHead}>
        <span id={labelId} className={styles.pickerLabel}>
          {required ? t('tickets.attachments.labelRequired') : t('tickets.attachments.label')}
        </span>
        <span className={styles.pickerCount}>
          {t('tickets.attachments.count', {
            count: uploads.items.length,
            max: ATTACHMENTS_MAX_PER_SUBMISSION,
          })}
        </span>
      </div>
      <p id={hintId} className={styles.pickerHint}>
        {t('tickets.attachments.hint', {
          max: ATTACHMENTS_MAX_PER_SUBMISSION,
          size: formatBytes(ATTACHMENT_MAX_BYTES, language),
          types: extensions,
        })}
      </p>
      <label className={styles.addFiles} data-disabled={full || disabled || undefined}>
        {t('tickets.attachments.add')}
        <input
          type="file"
          multiple
          accept={ACCEPT}
          className="visually-hidden"
          disabled={full || disabled}
          onChange={(event) => {
            uploads.add(Array.from(event.target.files ?? []));
            event.target.value = '';
          }}
        />
      </label>
      {uploads.refused.length > 0 && (
        <Alert tone="danger" title={t('tickets.attachments.refusedTitle')}>
          <ul className={styles.refusedList}>
            {uploads.refused.map((file, index) => (
              <li key={`${file.name}-${index}`}>
                {t(REFUSAL_KEYS[file.problem], {
                  name: file.name,
                  size: formatBytes(ATTACHMENT_MAX_BYTES, language),
                  max: ATTACHMENTS_MAX_PER_SUBMISSION,
                  types: extensions,
                })}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {uploads.items.length > 0 && (
        <ul className={styles.fileList} aria-label={t('tickets.attachments.chosen')}>
          {uploads.items.map((item) => (
            <li key={item.key} className={styles.fileItem} data-status={item.status}>
              <span className={styles.fileIcon} aria-hidden="true">
                {item.status === 'uploading' ? <Spinner size="sm" /> : <FileIcon />}
              </span>
              <span className={styles.fileText}>
                <span className={styles.fileName}>{item.name}</span>
                <span className={styles.fileMeta}>
                  {formatBytes(item.size, language)} ·{' '}
                  {item.status === 'uploading'
                    ? t('tickets.attachments.uploading')
                    : item.status === 'done'
                      ? t('tickets.attachments.uploaded')
                      : `${t('tickets.attachments.failed')} ${errorMessage(t, language, item.error)}`}
                </span>
              </span>
              {item.status === 'failed' && item.file && (
                <Button size="sm" variant="ghost" onClick={() => uploads.retry(item.key)}>
                  {t('common.retry')}
                </Button>
              )}
              <Button
                size="sm"
                variant="ghost"
                aria-label={t('tickets.attachments.remove', { name: item.name })}
                onClick={() => uploads.remove(item.key)}
                disabled={disabled}
              >
                {t('tickets.attachments.removeShort')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id={errorId} className={styles.pickerError}>
          {error}
        </p>
      )}
    </div>
  );
}
