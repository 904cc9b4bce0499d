import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as S from '../../../../shared/contracts/proposals.ts';
import { ZNoContent } from '../../../../shared/contracts/common.ts';
import { ZTenantParams } from '../../../../shared/contracts/tenants.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import { SESSION_COOKIE } from '../../../platform/auth/sessions.ts';
import { sessionCookieOptions } from '../../../platform/http/auth-hook.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import { createOrgEngagementsService } from '../engagements/engagements-service.ts';
import { createProposalLinkService } from './proposal-link-service.ts';
import { createProposalsService, type TProposalsOptions } from './proposals-service.ts';

const sendPdf = (reply: FastifyReply, doc: { filename: string; body: Buffer; sha256: string | null }) => {
  let r = reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${doc.filename}"`).header('cache-control', 'private, no-store');
  if (doc.sha256) r = r.header('x-content-sha256', doc.sha256);
  return r.send(doc.body);
};

export function proposalsRoutes(appIn: FastifyInstance, p: TPlatform, opts: TProposalsOptions = {}) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createProposalsService(p, opts);
  const link = createProposalLinkService(p);
  const orgEngagements = createOrgEngagementsService(p);
  const tags = ['proposals'];
  const BASE = '/api/tenants/:tenantId/proposals';

  app.get(BASE, { schema: { tags, params: ZTenantParams, querystring: S.ZProposalListQuery, response: { 200: S.ZProposalList } } }, (req) =>
    svc.list(req.actor, req.params.tenantId, req.query),
  );
  app.post(BASE, { schema: { tags, params: ZTenantParams, body: S.ZCreateProposalBody, response: { 201: S.ZProposal } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.post(`${BASE}/soc2`, { schema: { tags, params: ZTenantParams, body: S.ZCreateSoc2ProposalBody, response: { 201: S.ZProposal } } }, async (req, reply) =>
    reply.status(201).send(await svc.createSoc2(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.get(`${BASE}/:proposalId`, { schema: { tags, params: S.ZProposalParams, response: { 200: S.ZProposal } } }, (req) =>
    svc.get(req.actor, req.params.tenantId, req.params.proposalId),
  );
  app.patch(`${BASE}/:proposalId`, { schema: { tags, params: S.ZProposalParams, body: S.ZUpdateProposalBody, response: { 200: S.ZProposal } } }, (req) =>
    svc.update(req.actor, req.params.tenantId, req.params.proposalId, req.body, requestContext(req)),
  );
  app.post(`${BASE}/:proposalId/send`, { schema: { tags, params: S.ZProposalParams, body: S.ZSendProposalBody, response: { 200: S.ZProposal } } }, (req) =>
    svc.send(req.actor, req.params.tenantId, req.params.proposalId, req.body, requestContext(req)),
  );
  app.post(`${BASE}/:proposalId/withdraw`, { schema: { tags, params: S.ZProposalParams, body: S.ZWithdrawProposalBody, response: { 200: S.ZProposal } } }, (req) =>
    svc.withdraw(req.actor, req.params.tenantId, req.params.proposalId, req.body.reason, requestContext(req)),
  );
  app.get(`${BASE}/:proposalId/document`, { schema: { tags, params: S.ZProposalParams, querystring: S.ZProposalDocumentQuery } }, async (req, reply) =>
    sendPdf(reply, await svc.document(req.actor, req.params.tenantId, req.params.proposalId, req.query.locale)),
  );

  const PUBLIC = '/api/public/proposals/:token';
  app.get(PUBLIC, { schema: { tags, params: S.ZProposalTokenParams, response: { 200: S.ZPublicProposal } } }, (req) => link.preview(req.params.token));
  app.get(`${PUBLIC}/document`, { schema: { tags, params: S.ZProposalTokenParams } }, async (req, reply) => sendPdf(reply, await link.document(req.params.token)));
  app.post(`${PUBLIC}/sign-up`, { schema: { tags, params: S.ZProposalTokenParams, body: S.ZProposalSignUpBody, response: { 200: S.ZProposalSignedUp } } }, async (req, reply) => {
    const res = await link.signUp(req.params.token, req.body, requestContext(req));
    reply.setCookie(SESSION_COOKIE, res.session.token, { ...sessionCookieOptions(p.config.secure), maxAge: p.config.SESSION_ABSOLUTE_HOURS * 3600 });
    return { user: res.user };
  });
  app.post(`${PUBLIC}/accept`, { schema: { tags, params: S.ZProposalTokenParams, body: S.ZAcceptProposalBody, response: { 200: S.ZAcceptedProposal } } }, (req) =>
    link.accept(req.actor, req.params.token, req.body, requestContext(req)),
  );
  app.post(`${PUBLIC}/decline`, { schema: { tags, params: S.ZProposalTokenParams, body: S.ZDeclineProposalBody, response: { 204: ZNoContent } } }, async (req, reply) => {
    await link.decline(req.actor, req.params.token, req.body.reason, requestContext(req));
    return reply.status(204).send(null);
  });

  const ORG = '/api/tenants/:tenantId/certification/engagements';
  app.get(ORG, { schema: { tags: ['certification'], params: ZTenantParams, response: { 200: S.ZOrgEngagementList } } }, async (req) => ({
    items: await orgEngagements.list(req.actor, req.params.tenantId),
  }));
  app.get(`${ORG}/:engagementId`, { schema: { tags: ['certification'], params: S.ZOrgEngagementParams, response: { 200: S.ZOrgEngagement } } }, (req) =>
    orgEngagements.get(req.actor, req.params.tenantId, req.params.engagementId),
  );
}
