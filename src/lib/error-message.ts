import { isApiError } from '@/api/api-error';
import { formatTime } from './format';
import type { MessageKey } from './i18n/en';
import type { Translate } from './i18n/i18n';
import type { Language } from './preferences';

/**
 * The translated sentence for a failed request, including until when a lock
 * holds, and, for a wrong dynamic code, how far the phone's clock seems off.
 */
export function errorMessage(t: Translate, language: Language, error: unknown): string {
  if (!isApiError(error)) return t('errors.INTERNAL');
  const sentences = [t(`errors.${error.code}`)];
  if (error.retryAt !== null && (error.code === 'ACCOUNT_LOCKED' || error.status === 429)) {
    sentences.push(t('errors.lockedUntil', { time: formatTime(error.retryAt, language) }));
  }
  if (error.driftSeconds !== null) sentences.push(clockDriftMessage(t, error.driftSeconds));
  return sentences.join(SENTENCE_GAP[language]);
}

/** Chinese sentences end in a full-width stop and follow each other without a space. */
const SENTENCE_GAP: Record<Language, string> = { en: ' ', 'zh-CN': '' };

/** DRIFT-1: which way the phone's clock is off, by about how much, and the fix. */
function clockDriftMessage(t: Translate, driftSeconds: number): string {
  const seconds = Math.abs(driftSeconds);
  return driftSeconds > 0
    ? t('errors.clockAhead', { seconds })
    : t('errors.clockBehind', { seconds });
}

const FIELD_MESSAGES: Record<string, MessageKey> = {
  required: 'field.required',
  invalid_format: 'field.invalid_format',
  too_big: 'field.too_big',
  too_small: 'field.too_small',
};

/** The translated message for a field error code from the API or the form's own check. */
export function fieldMessage(t: Translate, code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  return t(FIELD_MESSAGES[code] ?? 'field.invalid');
}

/** Whether a failure belongs above a form: anything but field errors, which show at their fields. */
export function isFormError(error: unknown): boolean {
  return Boolean(error) && !(isApiError(error) && error.code === 'VALIDATION_FAILED');
}
