import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TPlatform } from '../../../platform/platform.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import { ZTenantParams } from '../../../../shared/contracts/tenants.ts';
import { ZScopeOverview, ZScopeVersion } from '../../../../shared/contracts/aims-records-context.ts';
import { ZSoaOverview, ZSoaVersion } from '../../../../shared/contracts/soa.ts';
import { ZDocumentDetail, ZDocumentList, ZDocumentListQuery } from '../../../../shared/contracts/documents.ts';
import { ZRiskDetail, ZRiskList, ZRiskListQuery } from '../../../../shared/contracts/risks.ts';
import { ZAssessment, ZAssessmentListQuery, ZAssessmentPage } from '../../../../shared/contracts/impact-assessments.ts';
import { ZAiListQuery, ZAiSystem, ZAiSystemPage } from '../../../../shared/contracts/ai-systems.ts';
import { ZControl, ZControlListQuery, ZControlPage } from '../../../../shared/contracts/controls.ts';
import { ZEvidenceDetail, ZEvidenceListQuery, ZEvidencePage } from '../../../../shared/contracts/evidence.ts';
import { ZEngagementParams, ZEngagementReadListQuery, ZEngagementReadPage, type TEngagementResource } from '../../../../shared/contracts/engagement-reads.ts';
import type { TUserActor } from '../../../platform/authz/actor.ts';
import { createScopeService } from '../../aims-records/scope/scope-service.ts';
import { createSoaService } from '../../soa/soa-service.ts';
import { createDocumentsService } from '../../documents/index.ts';
import { createRiskViewsService } from '../../risks/risk-views-service.ts';
import { createRisksService } from '../../risks/risks-service.ts';
import { createImpactAssessmentsService } from '../../impact-assessments/impact-assessments-service.ts';
import { createAiSystemsService } from '../../ai-systems/ai-systems-service.ts';
import { createControlsService } from '../../controls/controls-services.ts';
import { createEvidenceService } from '../../evidence/evidence-service.ts';
import { engagementAccess, engagementReader, readThroughEngagement, recordEngagementRead } from './engagement-access.ts';
import { createEvidenceUploads } from '../../evidence/evidence-upload.ts';
import { sendUserFile } from '../../files/served-content-type.ts';
import { createEngagementReadsService } from './engagement-reads-service.ts';

const E = '/api/engagements/:engagementId/aims';
const withId = <K extends string>(key: K) => ZEngagementParams.extend({ [key]: z.uuid() } as Record<K, z.ZodUUID>);
const withNumber = <K extends string>(key: K) => ZEngagementParams.extend({ [key]: z.coerce.number().int().min(1).max(1_000_000) } as Record<K, z.ZodCoercedNumber>);

/*
 * Read-only views of an organization's AIMS for the body's auditors on an active engagement. Each
 * route answers what the organization's own route answers (same contract, the reader's abilities
 * all false for changes) and records the read in both tenants' logs.
 */
export function engagementReadsRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const tags = ['engagements'];
  const scope = createScopeService(p);
  const soa = createSoaService(p);
  const documents = createDocumentsService(p);
  const riskViews = createRiskViewsService(p);
  const risks = createRisksService(p);
  const assessments = createImpactAssessmentsService(p);
  const aiSystems = createAiSystemsService(p);
  const controls = createControlsService(p);
  const evidence = createEvidenceService(p);
  const uploads = createEvidenceUploads(p);
  const reads = createEngagementReadsService(p);

  type TReq = Parameters<typeof requestContext>[0] & { params: { engagementId: string } };
  const through = <R>(req: TReq, resource: TEngagementResource, recordId: string | null, read: (reader: TUserActor, orgId: string) => Promise<R>) =>
    readThroughEngagement(p, req.actor, req.params.engagementId, requestContext(req), resource, recordId, read);

  app.get(`${E}/scope`, { schema: { tags, params: ZEngagementParams, response: { 200: ZScopeOverview } } }, (req) =>
    through(req, 'scope', null, (r, org) => scope.overview(r, org)),
  );
  app.get(`${E}/scope/versions/:version`, { schema: { tags, params: withNumber('version'), response: { 200: ZScopeVersion } } }, (req) =>
    through(req, 'scope', String(req.params.version), (r, org) => scope.getVersion(r, org, req.params.version)),
  );
  app.get(`${E}/soa`, { schema: { tags, params: ZEngagementParams, response: { 200: ZSoaOverview } } }, (req) => through(req, 'soa', null, (r, org) => soa.overview(r, org)));
  app.get(`${E}/soa/versions/:number`, { schema: { tags, params: withNumber('number'), response: { 200: ZSoaVersion } } }, (req) =>
    through(req, 'soa', String(req.params.number), (r, org) => soa.getVersion(r, org, req.params.number)),
  );
  app.get(`${E}/documents`, { schema: { tags, params: ZEngagementParams, querystring: ZDocumentListQuery, response: { 200: ZDocumentList } } }, (req) =>
    through(req, 'documents', null, (r, org) => documents.list(r, org, req.query)),
  );
  app.get(`${E}/documents/:documentId`, { schema: { tags, params: withId('documentId'), response: { 200: ZDocumentDetail } } }, (req) =>
    through(req, 'documents', req.params.documentId, (r, org) => documents.get(r, org, req.params.documentId)),
  );
  app.get(`${E}/risks`, { schema: { tags, params: ZEngagementParams, querystring: ZRiskListQuery, response: { 200: ZRiskList } } }, (req) =>
    through(req, 'risks', null, (r, org) => riskViews.list(r, org, req.query)),
  );
  app.get(`${E}/risks/:riskId`, { schema: { tags, params: withId('riskId'), response: { 200: ZRiskDetail } } }, (req) =>
    through(req, 'risks', req.params.riskId, (r, org) => risks.get(r, org, req.params.riskId)),
  );
  app.get(`${E}/impact-assessments`, { schema: { tags, params: ZEngagementParams, querystring: ZAssessmentListQuery, response: { 200: ZAssessmentPage } } }, (req) =>
    through(req, 'impact-assessments', null, (r, org) => assessments.list(r, org, req.query)),
  );
  app.get(`${E}/impact-assessments/:assessmentId`, { schema: { tags, params: withId('assessmentId'), response: { 200: ZAssessment } } }, (req) =>
    through(req, 'impact-assessments', req.params.assessmentId, (r, org) => assessments.get(r, org, req.params.assessmentId)),
  );
  app.get(`${E}/ai-systems`, { schema: { tags, params: ZEngagementParams, querystring: ZAiListQuery, response: { 200: ZAiSystemPage } } }, (req) =>
    through(req, 'ai-systems', null, (r, org) => aiSystems.list(r, org, req.query)),
  );
  app.get(`${E}/ai-systems/:aiSystemId`, { schema: { tags, params: withId('aiSystemId'), response: { 200: ZAiSystem } } }, (req) =>
    through(req, 'ai-systems', req.params.aiSystemId, (r, org) => aiSystems.get(r, org, req.params.aiSystemId)),
  );
  app.get(`${E}/controls`, { schema: { tags, params: ZEngagementParams, querystring: ZControlListQuery, response: { 200: ZControlPage } } }, (req) =>
    through(req, 'controls', null, (r, org) => controls.list(r, org, req.query)),
  );
  app.get(`${E}/controls/:controlId`, { schema: { tags, params: withId('controlId'), response: { 200: ZControl } } }, (req) =>
    through(req, 'controls', req.params.controlId, (r, org) => controls.get(r, org, req.params.controlId)),
  );
  app.get(`${E}/evidence`, { schema: { tags, params: ZEngagementParams, querystring: ZEvidenceListQuery, response: { 200: ZEvidencePage } } }, (req) =>
    through(req, 'evidence', null, (r, org) => evidence.list(r, org, req.query)),
  );
  app.get(`${E}/evidence/:evidenceId`, { schema: { tags, params: withId('evidenceId'), response: { 200: ZEvidenceDetail } } }, (req) =>
    through(req, 'evidence', req.params.evidenceId, (r, org) => evidence.get(r, org, req.params.evidenceId)),
  );
  // The file an evidence record holds, streamed; the read is logged in both tenants before a byte is sent.
  app.get(`${E}/evidence/:evidenceId/file`, { schema: { tags, params: withId('evidenceId') } }, async (req, reply) => {
    const access = await engagementAccess(p, req.actor, req.params.engagementId);
    const { file, stream } = await uploads.open(engagementReader(access), access.organizationTenantId, req.params.evidenceId);
    try {
      await recordEngagementRead(p, access, requestContext(req), 'evidence', req.params.evidenceId);
    } catch (error) {
      stream.destroy();
      throw error;
    }
    return sendUserFile(reply, file, stream);
  });

  // The organization's side: who of which body read what, from its own audit chain.
  app.get('/api/tenants/:tenantId/certification/engagement-reads', { schema: { tags, params: ZTenantParams, querystring: ZEngagementReadListQuery, response: { 200: ZEngagementReadPage } } }, (req) =>
    reads.list(req.actor, req.params.tenantId, req.query),
  );
}
