import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TPlatform } from '../platform.ts';
import { resolveApiToken } from '../auth/api-token-auth.ts';
import { resolveSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { randomToken, safeEqual } from '../crypto/crypto.ts';
import { AppError, badRequest } from '../errors/errors.ts';
import { isDisguisedApiPath } from './path-guard.ts';

export const CSRF_COOKIE = 'attest_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const PUBLIC_READ_PREFIX = '/api/register/';

export const sessionCookieOptions = (secure: boolean) =>
  ({ path: '/', httpOnly: true, sameSite: 'lax', secure }) as const;

/**
 * Who is calling: a session cookie or an API token (Authorization: Bearer). Requests that ride on
 * cookies and change state must echo the CSRF cookie in a header (double submit): a cross-site
 * form can send the cookies but cannot read them. The check covers every state-changing method
 * whatever the path, so no spelling of a path can step around it.
 */
export function installAuthHook(app: FastifyInstance, p: TPlatform) {
  const policy = { idleMinutes: p.config.SESSION_IDLE_MINUTES, absoluteHours: p.config.SESSION_ABSOLUTE_HOURS };
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (isDisguisedApiPath(req.url)) throw badRequest('Ambiguous request path: write it as /api/… exactly, without encoded characters, dot segments or double slashes.', { reason: 'ambiguous_path' });
    // The public register reads as nobody: no session to resolve (a round trip) and no CSRF cookie
    // to set, so that its answers are the same for everyone and a shared cache may keep them.
    if (SAFE_METHODS.has(req.method) && req.url.startsWith(PUBLIC_READ_PREFIX)) return;
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      req.actor = await resolveApiToken(p.db, auth.slice(7).trim());
      if (!req.actor) throw new AppError(401, 'api_token_invalid', 'The API token is invalid, expired or revoked.');
      return;
    }

    let csrf = req.cookies[CSRF_COOKIE];
    if (!csrf || csrf.length < 20 || csrf.length > 100) {
      csrf = randomToken(24);
      req.cookies[CSRF_COOKIE] = csrf;
      reply.setCookie(CSRF_COOKIE, csrf, { path: '/', httpOnly: false, sameSite: 'strict', secure: p.config.secure });
    }
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !safeEqual(header, csrf)) {
        throw new AppError(403, 'csrf_failed', 'Missing or wrong CSRF token: reload the page and try again.');
      }
    }

    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.actor = await resolveSession(p.database, policy, token);
      if (!req.actor) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
  });
}
