import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../platform/platform.ts';
import { SESSION_COOKIE } from '../../platform/auth/sessions.ts';
import { CSRF_COOKIE, sessionCookieOptions } from '../../platform/http/auth-hook.ts';
import { fastSerializer } from '../../platform/http/fast-serializer.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import { ZNoContent } from '../../../shared/contracts/common.ts';
import * as S from '../../../shared/contracts/accounts.ts';
import { createAccountsService } from './accounts-service.ts';
import { createMfaService } from './mfa-service.ts';
import * as R from '../../../shared/contracts/password-reset.ts';
import { createPasswordResetService } from './password-reset-service.ts';

const tags = ['accounts'];

export function accountsRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const accounts = createAccountsService(p);
  const mfa = createMfaService(p);
  const reset = createPasswordResetService(p);
  const setSession = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, { ...sessionCookieOptions(p.config.secure), maxAge: p.config.SESSION_ABSOLUTE_HOURS * 3600 });

  app.get('/api/setup/status', { schema: { tags, response: { 200: S.ZSetupStatus } } }, () => accounts.setupStatus());

  app.post('/api/setup', { schema: { tags, body: S.ZSetupBody, response: { 201: S.ZUserResponse } } }, async (req, reply) => {
    const { user, session } = await accounts.setup(req.body, requestContext(req));
    setSession(reply, session.token);
    return reply.status(201).send({ user });
  });

  app.get('/api/auth/csrf', { schema: { tags, response: { 200: S.ZCsrfResponse } } }, (req) => ({ csrfToken: req.cookies[CSRF_COOKIE]! }));

  app.post('/api/auth/login', { schema: { tags, body: S.ZLoginBody, response: { 200: S.ZLoginResponse } } }, async (req, reply) => {
    const res = await accounts.login(req.body, requestContext(req));
    if (res.status === 'ok') setSession(reply, res.session.token);
    return res.status === 'ok' ? { status: 'ok' as const, user: res.user } : res;
  });

  app.post('/api/auth/password-reset', { schema: { tags, body: R.ZPasswordResetRequestBody, response: { 202: R.ZPasswordResetRequested } } }, async (req, reply) =>
    reply.status(202).send(await reset.request(req.body.email, requestContext(req))),
  );
  app.post('/api/auth/password-reset/verify', { schema: { tags, body: R.ZPasswordResetVerifyBody, response: { 200: R.ZPasswordResetPreview } } }, (req) =>
    reset.preview(req.body.token),
  );
  app.post('/api/auth/password-reset/complete', { schema: { tags, body: R.ZPasswordResetCompleteBody, response: { 204: ZNoContent } } }, async (req, reply) => {
    await reset.complete(req.body, requestContext(req));
    return reply.status(204).send(null);
  });

  app.post('/api/auth/logout', { schema: { tags, response: { 204: ZNoContent } } }, async (req, reply) => {
    await accounts.logout(req.actor, requestContext(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  // The hottest read: written by the compiled serializer (every membership carries an ability per
  // action, a few hundred keys), without re-validating every answer at run time.
  app.get('/api/me', { schema: { tags, response: { 200: S.ZMeResponse } }, serializerCompiler: fastSerializer }, (req) =>
    accounts.me(req.actor),
  );
  app.patch('/api/me', { schema: { tags, body: S.ZUpdateMeBody, response: { 200: S.ZUserResponse } } }, async (req) => ({
    user: await accounts.updateMe(req.actor, req.body, requestContext(req)),
  }));
  app.post('/api/me/password', { schema: { tags, body: S.ZChangePasswordBody, response: { 204: ZNoContent } } }, async (req, reply) => {
    await accounts.changePassword(req.actor, req.body, requestContext(req));
    return reply.status(204).send(null);
  });

  app.get('/api/me/sessions', { schema: { tags, response: { 200: S.ZSessionList } } }, async (req) => ({ items: await accounts.sessions(req.actor) }));
  app.delete('/api/me/sessions/:sessionId', { schema: { tags, params: S.ZSessionParams, response: { 204: ZNoContent } } }, async (req, reply) => {
    await accounts.revokeSessions(req.actor, { sessionId: req.params.sessionId }, requestContext(req));
    return reply.status(204).send(null);
  });
  app.post('/api/me/sessions/revoke-others', { schema: { tags, response: { 204: ZNoContent } } }, async (req, reply) => {
    await accounts.revokeSessions(req.actor, { allButCurrent: true }, requestContext(req));
    return reply.status(204).send(null);
  });

  app.post('/api/me/mfa/enrol', { schema: { tags, response: { 200: S.ZMfaEnrolResponse } } }, (req) => mfa.enrol(req.actor));
  app.post('/api/me/mfa/confirm', { schema: { tags, body: S.ZMfaConfirmBody, response: { 200: S.ZMfaConfirmResponse } } }, (req) =>
    mfa.confirm(req.actor, req.body.code, requestContext(req)),
  );
  app.post('/api/me/mfa/disable', { schema: { tags, body: S.ZMfaDisableBody, response: { 204: ZNoContent } } }, async (req, reply) => {
    await mfa.disable(req.actor, req.body, requestContext(req));
    return reply.status(204).send(null);
  });
}
