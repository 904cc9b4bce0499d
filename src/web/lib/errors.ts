import { notifications } from '@mantine/notifications';
import i18n from '../i18n';
import { ERROR_CODES, ZFieldError, type TErrorCode, type TFieldError } from '../../shared/contracts/errors';
import { ApiError } from './api';

const isKnownCode = (code: string): code is TErrorCode => (ERROR_CODES as readonly string[]).includes(code);

/** The values a code's sentence interpolates: its details, with a role named in the reader's language. */
function valuesOf(details: unknown): Record<string, string | number> {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return {};
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(details)) if (typeof v === 'string' || typeof v === 'number') values[k] = v;
  const role = values.role;
  if (typeof role === 'string' && i18n.exists(`roles.${role}`)) values.role = i18n.t(`roles.${role}` as 'roles.owner');
  return values;
}

/** One field's problem, worded from its kind and limit: the same words for the server's and the form's checks. */
export function fieldMessage(e: Pick<TFieldError, 'issue' | 'limit' | 'format'>): string {
  if (e.issue === 'invalid_format' && e.format === 'email') return i18n.t('errors.fields.invalid_email');
  // `count` picks the plural form of the character limits ("At most 1 character").
  return i18n.t(`errors.fields.${e.issue}`, { limit: e.limit ?? 0, count: e.limit ?? 0 });
}

function retryMinutes(error: ApiError): number | null {
  const details = error.details as { retryAfterMinutes?: unknown } | undefined;
  if (typeof details?.retryAfterMinutes === 'number') return details.retryAfterMinutes;
  return error.retryAfterSeconds === null ? null : Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
}

/** What went wrong, in the reader's language: from the error's code; its English message only for a code this build does not know. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return i18n.t('errors.network');
    if (error.code === 'too_many_requests') {
      const minutes = retryMinutes(error);
      return minutes === null ? i18n.t('errors.tooManyAttempts') : i18n.t('errors.tooManyAttemptsRetry', { count: minutes });
    }
    if (isKnownCode(error.code)) return i18n.t(`errors.codes.${error.code}`, valuesOf(error.details));
    if (error.message) return error.message;
    if (error.status === 403) return i18n.t('errors.forbidden');
    if (error.status === 404) return i18n.t('errors.notFound');
  }
  return i18n.t('errors.generic');
}

/**
 * The server's field errors, translated and keyed by field: every `details[]` entry of a
 * `validation_failed`, or the whole message on `details.field` for a code about one field.
 */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  if (error.code === 'validation_failed' && Array.isArray(error.details)) {
    for (const d of error.details) {
      const parsed = ZFieldError.safeParse(d);
      if (parsed.success && parsed.data.field && !(parsed.data.field in out)) out[parsed.data.field] = fieldMessage(parsed.data);
    }
    return out;
  }
  const field = (error.details as { field?: unknown } | undefined)?.field;
  if (typeof field === 'string' && field) out[field] = errorMessage(error);
  return out;
}

export function notifyError(error: unknown): void {
  notifications.show({
    color: 'red',
    title: i18n.t('errors.title'),
    message: errorMessage(error),
    autoClose: 8000,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}

export function notifySuccess(message: string): void {
  notifications.show({
    color: 'teal',
    message,
    autoClose: 4000,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}
