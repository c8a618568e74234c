import { type FormEvent, useState } from 'react';
import { isApiError } from '@/api/api-error';
import { TICKET_REPLY_MAX_LENGTH } from '@/api/limits';
import { type ReplyRequest } from '@/api/schemas/tickets';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { TextAreaField } from '@/components/text-area-field';
import { errorMessage } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { AttachmentPicker } from './attachment-picker';
import styles from './reply-form.module.css';
import { useAttachmentUploads } from './use-attachment-uploads';

/**
 * A reply with attachments. What was typed and attached stays after a failed
 * send (QUAL-1) and is cleared once it went through.
 */
export function ReplyForm({
  label,
  submitLabel,
  onSubmit,
  pending,
  error,
}: {
  label: string;
  submitLabel: string;
  onSubmit: (reply: ReplyRequest) => Promise<unknown>;
  pending: boolean;
  error: unknown;
}) {
  const t = useT();
  const language = useLanguage();
  const uploads = useAttachmentUploads();
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const length = body.trim().length;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (pending || uploads.busy) return;
    if (length === 0) return setProblem(t('field.required'));
    if (length > TICKET_REPLY_MAX_LENGTH)
      return setProblem(t('tickets.form.tooLong', { max: TICKET_REPLY_MAX_LENGTH }));
    setProblem(null);
    onSubmit({ body: body.trim(), attachmentIds: uploads.ids }).then(
      () => {
        setBody('');
        uploads.clear();
      },
      () => undefined,
    );
  }

  const showError = error && !(isApiError(error) && error.code === 'VALIDATION_FAILED' && problem);
  return (
    <form className={styles.replyForm} onSubmit={submit} noValidate>
      {showError ? <Alert tone="danger">{errorMessage(t, language, error)}</Alert> : null}
      <TextAreaField
        label={label}
        value={body}
        rows={4}
        onChange={(event) => {
          setBody(event.target.value);
          setProblem(null);
        }}
        hint={t('tickets.form.count', { count: length, max: TICKET_REPLY_MAX_LENGTH })}
        error={problem ?? undefined}
      />
      <AttachmentPicker uploads={uploads} disabled={pending} />
      <div className={styles.formActions}>
        <Button type="submit" variant="primary" busy={pending} disabled={uploads.busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
