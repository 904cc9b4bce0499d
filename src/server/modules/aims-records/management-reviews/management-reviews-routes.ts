import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import * as S from '../../../../shared/contracts/management-reviews.ts';
import { createManagementReviewsService } from './management-reviews-service.ts';

export function managementReviewsRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const reviews = createManagementReviewsService(p);
  const tags = ['management-reviews'];
  const T = '/api/tenants/:tenantId/management-reviews';

  app.get(T, { schema: { tags, params: S.ZReviewsParams, querystring: S.ZReviewListQuery, response: { 200: S.ZReviewList } } }, (req) => reviews.list(req.actor, req.params.tenantId, req.query));
  app.post(T, { schema: { tags, params: S.ZReviewsParams, body: S.ZCreateReviewBody, response: { 201: S.ZReview } } }, async (req, reply) =>
    reply.status(201).send(await reviews.create(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.get(`${T}/:reviewId`, { schema: { tags, params: S.ZReviewParams, response: { 200: S.ZReview } } }, (req) => reviews.get(req.actor, req.params.tenantId, req.params.reviewId));
  app.patch(`${T}/:reviewId`, { schema: { tags, params: S.ZReviewParams, body: S.ZUpdateReviewBody, response: { 200: S.ZReview } } }, (req) =>
    reviews.update(req.actor, req.params.tenantId, req.params.reviewId, req.body, requestContext(req)),
  );
  app.post(`${T}/:reviewId/complete`, { schema: { tags, params: S.ZReviewParams, response: { 200: S.ZReview } } }, (req) => reviews.complete(req.actor, req.params.tenantId, req.params.reviewId, requestContext(req)));
}
