import { z } from 'zod';

/*
 * Every error the API answers is `{ requestId, code, message, details }`. `code` is stable and the
 * web translates it (`errors.codes.<code>` in src/web/i18n/en.json and fr.json, with `details` as
 * the interpolation values); `message` is English for API users and logs.
 * To add a code: one line here, and its sentence under `errors.codes` in both i18n files.
 */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthorized',
  'mfa_required',
  'forbidden',
  'csrf_failed',
  'not_found',
  'conflict',
  'gone',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'internal',
] as const;
export const ZErrorCode = z.enum(ERROR_CODES);
export type TErrorCode = z.infer<typeof ZErrorCode>;

export const ZErrorBody = z.object({
  requestId: z.string(),
  code: ZErrorCode,
  message: z.string(),
  details: z.unknown().optional(),
});
export type TErrorBody = z.infer<typeof ZErrorBody>;
