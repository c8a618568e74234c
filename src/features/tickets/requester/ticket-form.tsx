import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { isApiError } from '@/api/api-error';
import { staticFiles } from '@/api/app-paths';
import {
  ATTACHMENTS_MAX_PER_SUBMISSION,
  TICKET_DESCRIPTION_MAX_LENGTH,
  TICKET_TITLE_MAX_LENGTH,
} from '@/api/limits';
import { fieldErrorsOf } from '@/api/schemas/common';
import {
  createTicketRequestSchema,
  TICKET_TYPES,
  type TicketCreated,
  type TicketType,
} from '@/api/schemas/tickets';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { FormActions } from '@/components/form-actions';
import { SelectField } from '@/components/select-field';
import { rowsToFit, TextAreaField } from '@/components/text-area-field';
import { TextField } from '@/components/text-field';
import { useDraft } from '@/lib/drafts';
import { errorMessage } from '@/lib/error-message';
import type { MessageKey } from '@/lib/i18n/en';
import { type Translate, useLanguage, useT } from '@/lib/i18n/i18n';
import { useCreateTicket } from '../api/ticket-mutations';
import { ticketTypeKey } from '../ticket-labels';
import { AttachmentPicker } from '../ui/attachment-picker';
import { useAttachmentUploads } from '../ui/use-attachment-uploads';
import { EmailCodeField } from './email-code-field';
import styles from './ticket-form.module.css';

/** What a draft keeps across a reload or a new login (QUAL-1, LOGIN-8); never the code. */
interface Draft {
  type: TicketType | '';
  title: string;
  description: string;
}

const DRAFT_KEY = 'ticket';

function newIdempotencyKey(): string {
  return `ticket-${crypto.randomUUID()}`;
}

const TYPE_HINTS: Partial<Record<TicketType, MessageKey>> = {
  unbind_mfa: 'tickets.form.hint.unbind_mfa',
  change_owner: 'tickets.form.hint.change_owner',
};

function fieldError(t: Translate, field: string, code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  if (code === 'too_big' && field === 'title')
    return t('tickets.form.tooLong', { max: TICKET_TITLE_MAX_LENGTH });
  if (code === 'too_big' && field === 'description')
    return t('tickets.form.tooLong', { max: TICKET_DESCRIPTION_MAX_LENGTH });
  if (field === 'type') return t('tickets.form.chooseType');
  if (field === 'emailCode')
    return code === 'required' ? t('tickets.form.codeRequired') : t('code.incomplete');
  if (field === 'attachmentIds') {
    if (code === 'required') return t('tickets.form.attachmentRequired');
    if (code === 'too_big')
      return t('tickets.form.tooManyAttachments', { max: ATTACHMENTS_MAX_PER_SUBMISSION });
    return t('tickets.form.attachmentInvalid');
  }
  return code === 'required' ? t('field.required') : t('field.invalid');
}

/**
 * TICKET-2 to TICKET-4: type, title, description, attachments, and for Unbind
 * MFA the email code. A failed submit keeps everything typed and attached; a
 * double click sends one request, and the Idempotency-Key makes sure the server
 * makes one ticket even if a second one got through.
 */
export function TicketForm({
  initialType = '',
  initial,
  lockedType,
  onSubmitted,
  secondary,
  keepDraft = false,
  mfaBound = true,
}: {
  initialType?: TicketType | '';
  /** A title and a description to start from, and a hint for the description. */
  initial?: { title: string; description: string; descriptionHint: string };
  /** The login step offers Unbind MFA only (TICKET-8). */
  lockedType?: TicketType;
  onSubmitted: (ticket: TicketCreated) => void;
  secondary?: ReactNode;
  /** Keep what is typed in this tab's session storage until it is submitted. */
  keepDraft?: boolean;
  /** Without MFA there is nothing to unbind: that type is offered disabled, with the reason. */
  mfaBound?: boolean;
}) {
  const t = useT();
  const language = useLanguage();
  const create = useCreateTicket();
  const uploads = useAttachmentUploads();
  const [draft, setDraft, discardDraft] = useDraft<Draft>(keepDraft ? DRAFT_KEY : null, {
    type: initialType,
    title: initial?.title ?? '',
    description: initial?.description ?? '',
  });
  const type = lockedType ?? TICKET_TYPES.find((known) => known === draft.type) ?? '';
  const { title, description } = draft;
  const setType = (next: TicketType | '') => setDraft((current) => ({ ...current, type: next }));
  const setTitle = (next: string) => setDraft((current) => ({ ...current, title: next }));
  const setDescription = (next: string) =>
    setDraft((current) => ({ ...current, description: next }));
  const [emailCode, setEmailCode] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [stillUploading, setStillUploading] = useState(false);
  const typeErrorId = useId();
  const idempotencyKey = useRef(newIdempotencyKey());
  const inFlight = useRef(false);
  const form = useRef<HTMLFormElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);

  // After a refused submit, focus goes to the first field that needs attention (QUAL-2).
  useEffect(() => {
    if (focusRequest === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const unbind = type === 'unbind_mfa';
  const changeOwner = type === 'change_owner';

  function clearError(field: string) {
    setFieldErrors(({ [field]: _removed, ...rest }) => rest);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (inFlight.current || create.isPending) return;
    if (uploads.busy || uploads.failed) {
      setStillUploading(true);
      return;
    }
    setStillUploading(false);
    const input = {
      type,
      title,
      description,
      attachmentIds: uploads.ids,
      ...(unbind ? { emailCode } : {}),
    };
    const parsed = createTicketRequestSchema.safeParse(input);
    const errors: Record<string, string> = parsed.success ? {} : fieldErrorsOf(parsed.error, input);
    if (type === '') errors.type = 'required';
    if (changeOwner && uploads.ids.length === 0) errors.attachmentIds = 'required';
    if (unbind && emailCode.length === 0) errors.emailCode = 'required';
    if (!parsed.success || Object.keys(errors).length > 0) {
      setFieldErrors(errors);
      setFocusRequest((count) => count + 1);
      return;
    }
    setFieldErrors({});
    inFlight.current = true;
    create.mutate(
      { input: parsed.data, key: idempotencyKey.current },
      {
        // After success the form stays locked: it is done, and the page moves on.
        onSuccess: (ticket) => {
          discardDraft();
          onSubmitted(ticket);
        },
        onError: (error) => {
          inFlight.current = false;
          // A refusal means nothing was made, so the next try is a new submission;
          // after a lost answer the same key lets the server say what it made.
          if (isApiError(error) && error.status >= 400 && error.status < 500)
            idempotencyKey.current = newIdempotencyKey();
          if (isApiError(error)) setFieldErrors(error.fieldErrors);
          setFocusRequest((count) => count + 1);
        },
      },
    );
  }

  const error = create.error;
  const codeRefused = isApiError(error) && error.code === 'INVALID_EMAIL_CODE';
  const showFormError =
    error && !codeRefused && !(isApiError(error) && error.code === 'VALIDATION_FAILED');
  const titleLength = title.trim().length;
  const descriptionLength = description.trim().length;
  const typeHint = type ? TYPE_HINTS[type] : undefined;

  return (
    <form ref={form} className={styles.form} onSubmit={submit} noValidate>
      {showFormError && (
        <Alert tone="danger" title={t('tickets.form.failed')}>
          {errorMessage(t, language, error)}
        </Alert>
      )}
      {isApiError(error) && error.code === 'VALIDATION_FAILED' && (
        <Alert tone="danger">{t('errors.VALIDATION_FAILED')}</Alert>
      )}
      <SelectField
        label={t('tickets.field.type')}
        value={type}
        disabled={lockedType !== undefined}
        onChange={(event) => {
          setType(event.target.value as TicketType | '');
          clearError('type');
          clearError('attachmentIds');
        }}
        aria-invalid={fieldErrors.type ? true : undefined}
        aria-describedby={fieldErrors.type ? typeErrorId : undefined}
        options={[
          ...(type === '' ? [{ value: '', label: t('tickets.form.chooseTypeOption') }] : []),
          ...(lockedType ? [lockedType] : TICKET_TYPES).map((value) => {
            const nothingToUnbind = value === 'unbind_mfa' && !mfaBound;
            return {
              value,
              label: nothingToUnbind
                ? t('tickets.form.unbindUnavailable', { type: t(ticketTypeKey(value)) })
                : t(ticketTypeKey(value)),
              disabled: nothingToUnbind,
            };
          }),
        ]}
      />
      {fieldErrors.type && (
        <p id={typeErrorId} className={styles.fieldError}>
          {fieldError(t, 'type', fieldErrors.type)}
        </p>
      )}
      {typeHint && (
        <Alert tone="info">
          {t(typeHint)}
          {changeOwner && (
            <>
              {' '}
              <a href={staticFiles.changeOwnerFormTemplate(language)} download>
                {t('tickets.form.downloadTemplate')}
              </a>
            </>
          )}
        </Alert>
      )}
      <TextField
        label={t('tickets.field.title')}
        value={title}
        onChange={(event) => {
          setTitle(event.target.value);
          clearError('title');
        }}
        hint={
          <span
            data-over={titleLength > TICKET_TITLE_MAX_LENGTH || undefined}
            className={styles.count}
          >
            {t('tickets.form.count', { count: titleLength, max: TICKET_TITLE_MAX_LENGTH })}
          </span>
        }
        error={fieldError(t, 'title', fieldErrors.title)}
        required
      />
      <TextAreaField
        label={t('tickets.field.description')}
        value={description}
        onChange={(event) => {
          setDescription(event.target.value);
          clearError('description');
        }}
        placeholder={t('tickets.form.descriptionPlaceholder')}
        rows={initial ? rowsToFit(initial.description) : undefined}
        fitContent={initial !== undefined}
        hint={
          <>
            {initial && <span>{initial.descriptionHint} </span>}
            <span
              data-over={descriptionLength > TICKET_DESCRIPTION_MAX_LENGTH || undefined}
              className={styles.count}
            >
              {t('tickets.form.count', {
                count: descriptionLength,
                max: TICKET_DESCRIPTION_MAX_LENGTH,
              })}
            </span>
          </>
        }
        error={fieldError(t, 'description', fieldErrors.description)}
        required
      />
      {unbind && (
        <EmailCodeField
          value={emailCode}
          onChange={(code) => {
            setEmailCode(code);
            clearError('emailCode');
          }}
          error={
            codeRefused && !fieldErrors.emailCode
              ? errorMessage(t, language, error)
              : fieldError(t, 'emailCode', fieldErrors.emailCode)
          }
        />
      )}
      <AttachmentPicker
        uploads={uploads}
        required={changeOwner}
        error={
          stillUploading
            ? uploads.busy
              ? t('tickets.form.waitForUploads')
              : t('tickets.form.fixUploads')
            : fieldError(t, 'attachmentIds', fieldErrors.attachmentIds)
        }
      />
      <FormActions>
        {secondary}
        <Button type="submit" variant="primary" busy={create.isPending}>
          {create.isPending ? t('tickets.form.submitting') : t('tickets.form.submit')}
        </Button>
      </FormActions>
    </form>
  );
}
