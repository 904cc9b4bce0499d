import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TPlatform } from '../../platform/platform.ts';
import { fastSerializer } from '../../platform/http/fast-serializer.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import { ZTenantParams } from '../../../shared/contracts/tenants.ts';
import { ZHistoryPage, ZHistoryQuery } from '../../../shared/contracts/ai-systems.ts';
import * as S from '../../../shared/contracts/controls.ts';
import { createControlsService } from './controls-services.ts';

export function controlsRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const svc = createControlsService(p);
  const tags = ['controls'];
  const T = '/api/tenants/:tenantId';
  const C = `${T}/controls/:controlId`;

  app.get(`${T}/frameworks`, { schema: { tags, params: ZTenantParams, response: { 200: S.ZAdoptedFrameworks } } }, (req) => svc.frameworks.list(req.actor, req.params.tenantId));
  app.post(`${T}/frameworks`, { schema: { tags, params: ZTenantParams, body: S.ZAdoptFrameworkBody, response: { 201: S.ZAdoptedFrameworks } } }, async (req, reply) =>
    reply.status(201).send(await svc.frameworks.adopt(req.actor, req.params.tenantId, req.body.frameworkId, requestContext(req))),
  );
  app.delete(`${T}/frameworks/:frameworkId`, { schema: { tags, params: S.ZFrameworkParams, response: { 200: S.ZAdoptedFrameworks } } }, (req) =>
    svc.frameworks.unadopt(req.actor, req.params.tenantId, req.params.frameworkId, requestContext(req)),
  );

  app.get(`${T}/controls`, { schema: { tags, params: ZTenantParams, querystring: S.ZControlListQuery, response: { 200: S.ZControlPage } }, serializerCompiler: fastSerializer }, (req) =>
    svc.list(req.actor, req.params.tenantId, req.query),
  );
  app.post(`${T}/controls`, { schema: { tags, params: ZTenantParams, body: S.ZCreateControlBody, response: { 201: S.ZControl } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(req.actor, req.params.tenantId, req.body, requestContext(req))),
  );
  app.post(`${T}/controls/library`, { schema: { tags, params: ZTenantParams, body: S.ZApplyLibraryBody, response: { 200: S.ZLibraryResult } } }, (req) =>
    svc.library.apply(req.actor, req.params.tenantId, req.body, requestContext(req)),
  );
  app.get(C, { schema: { tags, params: S.ZControlParams, response: { 200: S.ZControl } } }, (req) => svc.get(req.actor, req.params.tenantId, req.params.controlId));
  app.patch(C, { schema: { tags, params: S.ZControlParams, body: S.ZUpdateControlBody, response: { 200: S.ZControl } } }, (req) =>
    svc.update(req.actor, req.params.tenantId, req.params.controlId, req.body, requestContext(req)),
  );
  app.get(`${C}/history`, { schema: { tags, params: S.ZControlParams, querystring: ZHistoryQuery, response: { 200: ZHistoryPage } } }, (req) =>
    svc.history(req.actor, req.params.tenantId, req.params.controlId, req.query),
  );
  app.post(`${C}/requirements`, { schema: { tags, params: S.ZControlParams, body: S.ZLinkRequirementBody, response: { 201: S.ZControl } } }, async (req, reply) =>
    reply.status(201).send(await svc.links.link(req.actor, req.params.tenantId, req.params.controlId, req.body, requestContext(req))),
  );
  app.delete(`${C}/requirements/:frameworkId/:ref`, { schema: { tags, params: S.ZControlLinkParams, response: { 200: S.ZControl } } }, (req) =>
    svc.links.unlink(req.actor, req.params.tenantId, req.params.controlId, req.params.frameworkId, req.params.ref, requestContext(req)),
  );
  app.get(`${C}/suggestions`, { schema: { tags, params: S.ZControlParams, response: { 200: S.ZControlSuggestions } } }, (req) =>
    svc.links.suggestions(req.actor, req.params.tenantId, req.params.controlId),
  );
  app.post(`${C}/suggestions/accept`, { schema: { tags, params: S.ZControlParams, body: S.ZLinkRequirementBody, response: { 200: S.ZControl } } }, (req) =>
    svc.links.accept(req.actor, req.params.tenantId, req.params.controlId, req.body, requestContext(req)),
  );
  app.post(`${C}/suggestions/dismiss`, { schema: { tags, params: S.ZControlParams, body: S.ZLinkRequirementBody, response: { 200: S.ZControlSuggestions } } }, (req) =>
    svc.links.dismiss(req.actor, req.params.tenantId, req.params.controlId, req.body, requestContext(req)),
  );
}
