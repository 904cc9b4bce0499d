import type { FastifyRequest } from 'fastify';
import type { TActor } from '../authz/actor.ts';
import type { TRequestContext } from '../audit-log/audit-log.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: TActor | null;
  }
}

export const requestContext = (req: FastifyRequest): TRequestContext => ({
  requestId: String(req.id),
  ip: req.ip ?? null,
  userAgent: (req.headers['user-agent'] ?? '').slice(0, 512) || null,
});
