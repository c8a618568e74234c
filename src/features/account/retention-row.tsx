import { type FormEvent, useState } from 'react';
import { isApiError } from '@/api/api-error';
import {
  RETENTION_IDLE_MINUTES_MAX,
  RETENTION_IDLE_MINUTES_MIN,
  RETENTION_MAX_DAYS_MAX,
  RETENTION_MAX_DAYS_MIN,
} from '@/api/limits';
import type { Retention } from '@/api/schemas/account';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { FormActions } from '@/components/form-actions';
import { TextField } from '@/components/text-field';
import { errorMessage, isFormError } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import styles from './account.module.css';
import { useSetRetention } from './api/account-mutations';

/** A whole number within bounds, as typed; null for anything else. */
function wholeNumberIn(raw: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(raw)) return null;
  const value = Number(raw);
  return value >= min && value <= max ? value : null;
}

/** SESSION-3: the login retention time, and Change. */
export function RetentionRow({ retention }: { retention: Retention }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <li className={styles.row}>
      <div className={styles.rowText}>
        <h3 className={styles.rowTitle}>{t('retention.title')}</h3>
        <p className={styles.rowDescription}>
          {retention.maxDays === 0
            ? t('retention.summaryNoLimit', { idle: retention.idleMinutes })
            : t('retention.summary', { idle: retention.idleMinutes, days: retention.maxDays })}
        </p>
      </div>
      <div className={styles.rowAction}>
        <Button
          onClick={() => {
            setSaved(false);
            setOpen(true);
          }}
        >
          {t('retention.change')}
        </Button>
        {saved && <Alert tone="success">{t('retention.saved')}</Alert>}
      </div>
      {open && (
        <RetentionDialog
          retention={retention}
          onClose={() => setOpen(false)}
          onSaved={() => {
            setOpen(false);
            setSaved(true);
          }}
        />
      )}
    </li>
  );
}

function RetentionDialog({
  retention,
  onClose,
  onSaved,
}: {
  retention: Retention;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const language = useLanguage();
  const save = useSetRetention();
  const [idle, setIdle] = useState(String(retention.idleMinutes));
  const [maxDays, setMaxDays] = useState(String(retention.maxDays));
  const [errors, setErrors] = useState<{ idleMinutes?: boolean; maxDays?: boolean }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const idleMinutes = wholeNumberIn(idle, RETENTION_IDLE_MINUTES_MIN, RETENTION_IDLE_MINUTES_MAX);
    const days = wholeNumberIn(maxDays, RETENTION_MAX_DAYS_MIN, RETENTION_MAX_DAYS_MAX);
    const found = { idleMinutes: idleMinutes === null, maxDays: days === null };
    setErrors(found);
    if (idleMinutes === null || days === null) return;
    save.mutate(
      { idleMinutes, maxDays: days },
      {
        onSuccess: onSaved,
        onError: (failure) => {
          const fields = isApiError(failure) ? failure.fieldErrors : {};
          setErrors({ idleMinutes: 'idleMinutes' in fields, maxDays: 'maxDays' in fields });
        },
      },
    );
  }

  const failed = isFormError(save.error);
  return (
    <Dialog
      open
      title={t('retention.title')}
      description={t('retention.dialogText')}
      onClose={onClose}
      dismissible={!save.isPending}
    >
      <form className={styles.dialogForm} onSubmit={submit} noValidate>
        {failed && <Alert tone="danger">{errorMessage(t, language, save.error)}</Alert>}
        <TextField
          label={t('retention.idle')}
          type="number"
          inputMode="numeric"
          min={RETENTION_IDLE_MINUTES_MIN}
          max={RETENTION_IDLE_MINUTES_MAX}
          step={1}
          value={idle}
          onChange={(event) => setIdle(event.target.value)}
          hint={t('retention.idleHint', {
            min: RETENTION_IDLE_MINUTES_MIN,
            max: RETENTION_IDLE_MINUTES_MAX,
          })}
          error={
            errors.idleMinutes
              ? t('retention.idleInvalid', {
                  min: RETENTION_IDLE_MINUTES_MIN,
                  max: RETENTION_IDLE_MINUTES_MAX,
                })
              : undefined
          }
          required
        />
        <TextField
          label={t('retention.max')}
          type="number"
          inputMode="numeric"
          min={RETENTION_MAX_DAYS_MIN}
          max={RETENTION_MAX_DAYS_MAX}
          step={1}
          value={maxDays}
          onChange={(event) => setMaxDays(event.target.value)}
          hint={t('retention.maxHint', { max: RETENTION_MAX_DAYS_MAX })}
          error={
            errors.maxDays ? t('retention.maxInvalid', { max: RETENTION_MAX_DAYS_MAX }) : undefined
          }
          required
        />
        <FormActions>
          <Button onClick={onClose} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" busy={save.isPending}>
            {t('common.save')}
          </Button>
        </FormActions>
      </form>
    </Dialog>
  );
}
