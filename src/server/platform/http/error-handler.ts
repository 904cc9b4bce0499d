import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors/errors.ts';

type TBody = { requestId: string; code: string; message: string; details?: unknown };

/** One mapping from errors to `{ requestId, code, message, details }`; no stack or SQL leaves the server. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    const requestId = String(req.id);
    const send = (status: number, body: Omit<TBody, 'requestId'>, headers: Record<string, string> = {}) =>
      reply.status(status).headers(headers).send({ requestId, ...body });

    if (err instanceof AppError) {
      if (err.status === 401 || err.status === 403 || err.status === 404) {
        req.log.info({ code: err.code, actor: req.actor?.type === 'user' ? req.actor.userId : req.actor?.tokenId, url: req.url }, 'request denied');
      }
      return send(err.status, { code: err.code, message: err.message, details: err.details }, err.headers);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        field: [v.instancePath?.replace(/^\//, '').replace(/\//g, '.') || (v.params as { issue?: { path?: PropertyKey[] } } | undefined)?.issue?.path?.join('.')].filter(Boolean).join(''),
        message: v.message,
      }));
      const where = err.validationContext ?? 'body';
      const first = details[0];
      return send(400, {
        code: 'validation_failed',
        message: `Invalid ${where}${first ? `: ${first.field ? `${first.field}: ` : ''}${first.message}` : ''}`,
        details,
      });
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
