import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import { ZTenantParams } from '../../../../shared/contracts/tenants.ts';
import * as S from '../../../../shared/contracts/intake.ts';
import { createBodySettingsService } from './body-settings-service.ts';
import { createClientsService } from './clients-service.ts';
import { createEnquiriesService } from './enquiries-service.ts';
import { createQuoteRequestsService } from './quote-requests-service.ts';

export function intakeRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const settings = createBodySettingsService(p);
  const quotes = createQuoteRequestsService(p);
  const enquiries = createEnquiriesService(p);
  const clients = createClientsService(p);
  const tags = ['certification'];
  const t = '/api/tenants/:tenantId';

  app.get(`${t}/body-settings`, { schema: { tags, params: ZTenantParams, response: { 200: S.ZBodySettings } } }, (req) => settings.get(req.actor, req.params.tenantId));
  app.put(`${t}/body-settings`, { schema: { tags, params: ZTenantParams, body: S.ZBodySettingsBody, response: { 200: S.ZBodySettings } } }, (req) =>
    settings.update(req.actor, req.params.tenantId, req.body, requestContext(req)),
  );

  const pub = '/api/public/bodies/:bodySlug';
  app.get(pub, { schema: { tags: ['public'], params: S.ZBodySlugParams, response: { 200: S.ZPublicBody } } }, (req) => quotes.publicBody(req.params.bodySlug));
  app.post(
    `${pub}/quote-requests`,
    { bodyLimit: S.QUOTE_REQUEST_MAX_BYTES, schema: { tags: ['public'], params: S.ZBodySlugParams, body: S.ZQuoteRequestBody, response: { 202: S.ZQuoteRequestReceived } } },
    async (req, reply) => reply.status(202).send(await quotes.submit(req.params.bodySlug, req.body, requestContext(req))),
  );

  app.get(`${t}/enquiries`, { schema: { tags, params: ZTenantParams, querystring: S.ZEnquiryListQuery, response: { 200: S.ZEnquiryPage } } }, (req) =>
    enquiries.list(req.actor, req.params.tenantId, req.query),
  );
  app.get(`${t}/enquiries/:enquiryId`, { schema: { tags, params: S.ZEnquiryParams, response: { 200: S.ZEnquiry } } }, (req) =>
    enquiries.get(req.actor, req.params.tenantId, req.params.enquiryId),
  );
  app.post(`${t}/enquiries/:enquiryId/decline`, { schema: { tags, params: S.ZEnquiryParams, body: S.ZDeclineEnquiryBody, response: { 200: S.ZEnquiry } } }, (req) =>
    enquiries.decline(req.actor, req.params.tenantId, req.params.enquiryId, req.body, requestContext(req)),
  );
  app.post(`${t}/enquiries/:enquiryId/convert`, { schema: { tags, params: S.ZEnquiryParams, body: S.ZCreateClientBody, response: { 201: S.ZClientDetail } } }, async (req, reply) =>
    reply.status(201).send(await enquiries.convert(req.actor, req.params.tenantId, req.params.enquiryId, req.body, requestContext(req))),
  );

  app.get(`${t}/clients`, { schema: { tags, params: ZTenantParams, querystring: S.ZClientListQuery, response: { 200: S.ZClientPage } } }, (req) =>
    clients.list(req.actor, req.params.tenantId, req.query),
  );
  app.post(`${t}/clients`, { schema: { tags, params: ZTenantParams, body: S.ZCreateClientBody, response: { 201: S.ZClientDetail } } }, async (req, reply) =>
    reply.status(201).send(await clients.create(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.get(`${t}/clients/:clientId`, { schema: { tags, params: S.ZClientParams, response: { 200: S.ZClientDetail } } }, (req) =>
    clients.get(req.actor, req.params.tenantId, req.params.clientId),
  );
  app.patch(`${t}/clients/:clientId`, { schema: { tags, params: S.ZClientParams, body: S.ZUpdateClientBody, response: { 200: S.ZClientDetail } } }, (req) =>
    clients.update(req.actor, req.params.tenantId, req.params.clientId, req.body, requestContext(req)),
  );
  app.post(`${t}/clients/:clientId/sites`, { schema: { tags, params: S.ZClientParams, body: S.ZClientSiteBody, response: { 201: S.ZClientDetail } } }, async (req, reply) =>
    reply.status(201).send(await clients.addSite(req.actor, req.params.tenantId, req.params.clientId, req.body, requestContext(req))),
  );
  app.patch(`${t}/clients/:clientId/sites/:siteId`, { schema: { tags, params: S.ZClientSiteParams, body: S.ZUpdateClientSiteBody, response: { 200: S.ZClientDetail } } }, (req) =>
    clients.updateSite(req.actor, req.params.tenantId, req.params.clientId, req.params.siteId, req.body, requestContext(req)),
  );
  app.delete(`${t}/clients/:clientId/sites/:siteId`, { schema: { tags, params: S.ZClientSiteParams, response: { 200: S.ZClientDetail } } }, (req) =>
    clients.removeSite(req.actor, req.params.tenantId, req.params.clientId, req.params.siteId, requestContext(req)),
  );
  app.post(`${t}/clients/:clientId/ai-systems`, { schema: { tags, params: S.ZClientParams, body: S.ZClientAiSystemBody, response: { 201: S.ZClientDetail } } }, async (req, reply) =>
    reply.status(201).send(await clients.addAiSystem(req.actor, req.params.tenantId, req.params.clientId, req.body, requestContext(req))),
  );
  app.patch(
    `${t}/clients/:clientId/ai-systems/:aiSystemId`,
    { schema: { tags, params: S.ZClientAiSystemParams, body: S.ZUpdateClientAiSystemBody, response: { 200: S.ZClientDetail } } },
    (req) => clients.updateAiSystem(req.actor, req.params.tenantId, req.params.clientId, req.params.aiSystemId, req.body, requestContext(req)),
  );
  app.delete(`${t}/clients/:clientId/ai-systems/:aiSystemId`, { schema: { tags, params: S.ZClientAiSystemParams, response: { 200: S.ZClientDetail } } }, (req) =>
    clients.removeAiSystem(req.actor, req.params.tenantId, req.params.clientId, req.params.aiSystemId, requestContext(req)),
  );
}
