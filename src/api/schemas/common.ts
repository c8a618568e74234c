import * as z from 'zod/mini';
import { ERROR_CODES } from '../error-codes';
import { EMAIL_MAX_LENGTH, ID_MAX_LENGTH } from '../limits';
import { SESSION_END_CAUSES } from '../session-end-causes';

export const emailSchema = z
  .string()
  .check(z.trim(), z.toLowerCase(), z.minLength(1), z.maxLength(EMAIL_MAX_LENGTH), z.email());

export const idSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(ID_MAX_LENGTH), z.regex(/^[\w-]+$/));

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    fieldErrors: z.optional(z.record(z.string(), z.string())),
    retryAfter: z.optional(z.number()),
    /** DRIFT-1: a wrong dynamic code's clue that the phone's clock is off; positive is ahead. */
    driftSeconds: z.optional(z.number()),
    /** SESSION_ENDED: who or what ended the session. */
    endedBy: z.optional(z.enum(SESSION_END_CAUSES)),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/**
 * Field errors keyed by dotted path, valued by the zod issue code
 * (`too_small`, `invalid_format`...), which the UI translates; a field absent
 * from `input` is `required`.
 */
export function fieldErrorsOf(error: z.core.$ZodError, input: unknown): Record<string, string> {
  // No prototype, so a field named `__proto__` is reported like any other.
  const fields = Object.create(null) as Record<string, string>;
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = 'unrecognized_key';
      continue;
    }
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    const value = issue.path.length > 0 ? valueAt(input, issue.path) : input;
    const missing =
      (issue.code === 'invalid_type' && issue.path.length > 0 && value === undefined) ||
      (issue.code === 'too_small' &&
        (value === '' || (typeof value === 'string' && value.trim() === '')));
    fields[key] ??= missing ? 'required' : issue.code;
  }
  return fields;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A paged list's query as URL parameters, leaving out what is unset or empty; numbers as digits. */
export function listQueryParams(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Reads a paged list's query from URL parameters: page numbers in digits become numbers. */
export function listQueryFrom(params: URLSearchParams): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of params) {
    raw[key] =
      (key === 'page' || key === 'pageSize') && /^\d+$/.test(value) ? Number(value) : value;
  }
  return raw;
}
