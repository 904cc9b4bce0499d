import { notifications } from '@mantine/notifications';
import i18n from '../i18n';
import { ApiError } from './api';

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      // The server says the wait in minutes; Retry-After (seconds) is the fallback.
      const minutes = (error.details as { retryAfterMinutes?: number } | undefined)?.retryAfterMinutes
        ?? (error.retryAfterSeconds === null ? null : Math.max(1, Math.ceil(error.retryAfterSeconds / 60)));
      return minutes === null ? i18n.t('errors.tooManyAttempts') : i18n.t('errors.tooManyAttemptsRetry', { count: minutes });
    }
    if (error.status === 0) return i18n.t('errors.network');
    if (error.message) return error.message;
    if (error.status === 403) return i18n.t('errors.forbidden');
    if (error.status === 404) return i18n.t('errors.notFound');
  }
  return i18n.t('errors.generic');
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
