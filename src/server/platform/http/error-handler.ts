import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { fieldIssueOf, type TErrorBody, type TFieldError } from '../../../shared/contracts/errors.ts';
import { AppError } from '../errors/errors.ts';

/** English wording of a field error, for API users; the web words it from `issue` and `limit`. */
function englishMessage(e: Omit<TFieldError, 'message'>, zodMessage: string): string {
  const name = e.field || 'the value';
  switch (e.issue) {
    case 'required':
      return `${name} is required`;
    case 'too_short':
      return `${name} must have at least ${e.limit} characters`;
    case 'too_long':
      return `${name} must have at most ${e.limit} characters`;
    case 'too_small':
      return `${name} must be at least ${e.limit}`;
    case 'too_big':
      return `${name} must be at most ${e.limit}`;
    case 'invalid_characters':
      return `${name} contains characters that cannot be stored (NUL or an unpaired surrogate)`;
    case 'invalid_format':
      return e.format === 'regex' ? `${name}: ${zodMessage}` : `${name} must be a valid ${e.format}`;
    default:
      return e.field ? `${name}: ${zodMessage}` : zodMessage;
  }
}

type TValidationItem = { keyword: string; instancePath?: string; message?: string; params?: Record<string, unknown> };

/** fastify-type-provider-zod hands over each Zod issue flattened; put it back together. */
const toFieldError = (v: TValidationItem): TFieldError => {
  const issue = { ...v.params, code: v.keyword, path: (v.instancePath ?? '').split('/').filter(Boolean), message: v.message ?? '' } as unknown as z.core.$ZodIssue;
  const e = fieldIssueOf(issue);
  return { ...e, message: englishMessage(e, v.message ?? 'is invalid') };
};

/** One mapping from errors to `{ requestId, code, message, details }`; no stack or SQL leaves the server. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    const requestId = String(req.id);
    const send = (status: number, body: Omit<TErrorBody, 'requestId'>, headers: Record<string, string> = {}) =>
      reply.status(status).headers(headers).send({ requestId, ...body });

    if (err instanceof AppError) {
      if (err.status === 401 || err.status === 403 || err.status === 404) {
        req.log.info({ code: err.code, actor: req.actor?.type === 'user' ? req.actor.userId : req.actor?.tokenId, url: req.url }, 'request denied');
      }
      return send(err.status, { code: err.code, message: err.message, details: err.details }, err.headers);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = (err.validation as unknown as TValidationItem[]).map(toFieldError);
      const where = err.validationContext ?? 'body';
      return send(400, { code: 'validation_failed', message: `Invalid ${where}: ${details.map((d) => d.message).join('; ')}`, details });
    }
    const fe = err as FastifyError;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(413, { code: 'payload_too_large', message: 'The request body is too large.' });
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return send(415, { code: 'unsupported_media_type', message: 'Unsupported Content-Type: send application/json.' });
    if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError)
      return send(400, { code: 'bad_request', message: 'The request body is not valid JSON.' });
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
      return send(fe.statusCode, { code: 'bad_request', message: fe.message });
    req.log.error({ err }, 'unhandled error');
    return send(500, { code: 'internal', message: 'Something went wrong on our side. Quote the request id when reporting it.' });
  });
}
