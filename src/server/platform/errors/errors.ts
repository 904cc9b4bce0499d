import type { TErrorCode } from '../../../shared/contracts/errors.ts';

export type { TErrorCode };

/** The few errors a service may throw; one handler maps them to `{ requestId, code, message, details }`. */
export class AppError extends Error {
  readonly status: number;
  readonly code: TErrorCode;
  readonly details: unknown;
  readonly headers: Record<string, string>;
  constructor(status: number, code: TErrorCode, message: string, details?: unknown, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.headers = headers;
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError(400, 'bad_request', message, details);
export const unauthorized = (message = 'Sign in to continue.') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = 'Your role does not allow this action.') => new AppError(403, 'forbidden', message);
export const mfaRequired = () =>
  new AppError(403, 'mfa_required', 'This tenant requires two-factor authentication: enable it in your account first.');
export const notFound = (what = 'Resource') => new AppError(404, 'not_found', `${what} not found.`);
export const conflict = (message: string, details?: unknown) => new AppError(409, 'conflict', message, details);
export const gone = (message: string) => new AppError(410, 'gone', message);
export const payloadTooLarge = (limitBytes: number) =>
  new AppError(413, 'payload_too_large', `The upload exceeds the limit of ${Math.floor(limitBytes / 1024 / 1024)} MB.`);
/** The wait is told in whole minutes (what a person reads); Retry-After keeps the seconds. */
export const tooManyRequests = (retryAfterSeconds: number) => {
  const retryAfterMinutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new AppError(
    429,
    'too_many_requests',
    `Too many attempts. Try again in ${retryAfterMinutes} ${retryAfterMinutes === 1 ? 'minute' : 'minutes'}.`,
    { retryAfterMinutes },
    { 'retry-after': String(retryAfterSeconds) },
  );
};
