import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import { ZTenantParams } from '../../../../shared/contracts/tenants.ts';
import * as S from '../../../../shared/contracts/cert-decisions.ts';
import { createTechnicalReviewsService } from './technical-reviews-service.ts';

const BASE = '/api/tenants/:tenantId/technical-reviews';

export function technicalReviewsRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createTechnicalReviewsService(p);
  const tags = ['certification-decisions'];
  app.get(BASE, { schema: { tags, params: ZTenantParams, querystring: S.ZTechnicalReviewListQuery, response: { 200: S.ZTechnicalReviewPage } } }, (req) =>
    svc.list(req.actor, req.params.tenantId, req.query),
  );
  app.post(BASE, { schema: { tags, params: ZTenantParams, body: S.ZCreateTechnicalReviewBody, response: { 201: S.ZTechnicalReview } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.get(`${BASE}/:reviewId`, { schema: { tags, params: S.ZTechnicalReviewParams, response: { 200: S.ZTechnicalReview } } }, (req) =>
    svc.get(req.actor, req.params.tenantId, req.params.reviewId),
  );
  app.patch(`${BASE}/:reviewId`, { schema: { tags, params: S.ZTechnicalReviewParams, body: S.ZUpdateTechnicalReviewBody, response: { 200: S.ZTechnicalReview } } }, (req) =>
    svc.update(req.actor, req.params.tenantId, req.params.reviewId, req.body, requestContext(req)),
  );
  app.post(`${BASE}/:reviewId/complete`, { schema: { tags, params: S.ZTechnicalReviewParams, response: { 200: S.ZTechnicalReview } } }, (req) =>
    svc.complete(req.actor, req.params.tenantId, req.params.reviewId, requestContext(req)),
  );
}
