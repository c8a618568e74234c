import type { ReactNode } from 'react';
import { errorMessage } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { Alert } from './alert';
import { Button } from './button';
import { Dialog } from './dialog';

/**
 * A question before an action: Cancel, and the button that does it. While the
 * action runs, neither Cancel nor Escape can abandon it halfway and the confirm
 * button is busy, so nothing is sent twice. A failure shows inside, so the
 * dialog stays open for another try; closing it on success is the caller's call.
 */
export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  cancelLabel,
  tone = 'primary',
  pending = false,
  error = null,
  onConfirm,
  onCancel,
  children,
}: {
  open: boolean;
  title: string;
  description?: ReactNode;
  confirmLabel: string;
  /** Cancel, unless the question reads better with another word ("Keep open"). */
  cancelLabel?: string;
  /** Danger for what cannot be undone. */
  tone?: 'primary' | 'danger';
  pending?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
  /** What the action needs besides a yes, such as a message. */
  children?: ReactNode;
}) {
  const t = useT();
  const language = useLanguage();
  return (
    <Dialog
      open={open}
      title={title}
      description={description}
      onClose={onCancel}
      dismissible={!pending}
      footer={
        <>
          <Button onClick={onCancel} disabled={pending}>
            {cancelLabel ?? t('common.cancel')}
          </Button>
          <Button variant={tone} busy={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {error ? <Alert tone="danger">{errorMessage(t, language, error)}</Alert> : null}
      {children}
    </Dialog>
  );
}
