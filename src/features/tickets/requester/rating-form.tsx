import { type FormEvent, useId, useState } from 'react';
import { TICKET_RATING_COMMENT_MAX_LENGTH, TICKET_RATING_MAX } from '@/api/limits';
import { type RateRequest, type TicketDetail } from '@/api/schemas/tickets';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { FormActions } from '@/components/form-actions';
import { TextAreaField } from '@/components/text-area-field';
import { errorMessage } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import styles from './rating-form.module.css';

const SCORES = Array.from({ length: TICKET_RATING_MAX }, (_, index) => index + 1);

export function Stars({ score }: { score: number }) {
  const t = useT();
  return (
    <span className={styles.stars}>
      <span aria-hidden="true">
        {SCORES.map((value) => (
          <span key={value} data-on={value <= score || undefined}>
            ★
          </span>
        ))}
      </span>
      <span className="visually-hidden">
        {t('tickets.rating.score', { score, max: TICKET_RATING_MAX })}
      </span>
    </span>
  );
}

/** TICKET-5: a closed ticket can be rated, once. */
export function RatingForm({
  ticket,
  onRate,
  pending,
  error,
}: {
  ticket: TicketDetail;
  onRate: (rating: RateRequest) => void;
  pending: boolean;
  error: unknown;
}) {
  const t = useT();
  const language = useLanguage();
  const name = useId();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);

  if (ticket.rating) {
    return (
      <div className={styles.rated}>
        <Stars score={ticket.rating.score} />
        {ticket.rating.comment && <p className={styles.ratedComment}>{ticket.rating.comment}</p>}
      </div>
    );
  }
  if (!ticket.actions.includes('rate')) return null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (score === 0) return setMissing(true);
    if (comment.trim().length > TICKET_RATING_COMMENT_MAX_LENGTH) return;
    onRate({ score, comment: comment.trim() });
  }

  return (
    <form className={styles.ratingForm} onSubmit={submit} noValidate>
      {error ? <Alert tone="danger">{errorMessage(t, language, error)}</Alert> : null}
      <fieldset className={styles.starField} aria-invalid={missing || undefined}>
        <legend className={styles.legend}>{t('tickets.rating.legend')}</legend>
        <div className={styles.starInputs}>
          {SCORES.map((value) => (
            <label key={value} className={styles.starLabel} data-on={value <= score || undefined}>
              <input
                type="radio"
                name={name}
                value={value}
                checked={score === value}
                onChange={() => {
                  setScore(value);
                  setMissing(false);
                }}
                className="visually-hidden"
              />
              <span aria-hidden="true">★</span>
              <span className="visually-hidden">
                {t('tickets.rating.score', { score: value, max: TICKET_RATING_MAX })}
              </span>
            </label>
          ))}
        </div>
        {missing && <p className={styles.fieldError}>{t('tickets.rating.choose')}</p>}
      </fieldset>
      <TextAreaField
        label={t('tickets.rating.comment')}
        rows={3}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        hint={t('tickets.form.count', {
          count: comment.trim().length,
          max: TICKET_RATING_COMMENT_MAX_LENGTH,
        })}
        error={
          comment.trim().length > TICKET_RATING_COMMENT_MAX_LENGTH
            ? t('tickets.form.tooLong', { max: TICKET_RATING_COMMENT_MAX_LENGTH })
            : undefined
        }
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={pending}>
          {t('tickets.rating.submit')}
        </Button>
      </FormActions>
    </form>
  );
}
