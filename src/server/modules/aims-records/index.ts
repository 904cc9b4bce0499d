import type { FastifyInstance } from 'fastify';
import type { TApiDocs } from '../../platform/http/api-docs.ts';
import type { TPlatform } from '../../platform/platform.ts';
import { aiIncidentsDocs } from './ai-incidents/ai-incidents-docs.ts';
import { aiIncidentsRoutes } from './ai-incidents/ai-incidents-routes.ts';
import { internalAuditsDocs } from './internal-audits/internal-audits-docs.ts';
import { internalAuditsRoutes } from './internal-audits/internal-audits-routes.ts';
import { managementReviewsDocs } from './management-reviews/management-reviews-docs.ts';
import { managementReviewsRoutes } from './management-reviews/management-reviews-routes.ts';
import { nonconformitiesDocs } from './nonconformities/nonconformities-docs.ts';
import { nonconformitiesRoutes } from './nonconformities/nonconformities-routes.ts';
import { AI_INCIDENTS_AUDIT } from './ai-incidents/ai-incidents-audit.ts';
import { AI_INCIDENT_POLICIES } from './ai-incidents/ai-incidents-policies.ts';
import { INTERNAL_AUDITS_AUDIT } from './internal-audits/internal-audits-audit.ts';
import { INTERNAL_AUDIT_POLICIES } from './internal-audits/internal-audits-policies.ts';
import { MANAGEMENT_REVIEWS_AUDIT } from './management-reviews/management-reviews-audit.ts';
import { MANAGEMENT_REVIEW_POLICIES } from './management-reviews/management-reviews-policies.ts';
import { NONCONFORMITIES_AUDIT } from './nonconformities/nonconformities-audit.ts';
import { NONCONFORMITY_POLICIES } from './nonconformities/nonconformities-policies.ts';

/*
 * Management-system records (ISO/IEC 42001 clauses 4–10): one sub-folder per record type, wired
 * here so that the platform's registration lists (policies, audit actions, routes, API docs) name
 * the domain once.
 */

export const AIMS_RECORDS_POLICIES = [...INTERNAL_AUDIT_POLICIES, ...MANAGEMENT_REVIEW_POLICIES, ...NONCONFORMITY_POLICIES, ...AI_INCIDENT_POLICIES];

export const AIMS_RECORDS_AUDIT = { ...INTERNAL_AUDITS_AUDIT, ...MANAGEMENT_REVIEWS_AUDIT, ...NONCONFORMITIES_AUDIT, ...AI_INCIDENTS_AUDIT };

export const aimsRecordsDocs: TApiDocs = { ...internalAuditsDocs, ...managementReviewsDocs, ...nonconformitiesDocs, ...aiIncidentsDocs };

/** The records' routes; app.ts calls this once. */
export function aimsRecordsRoutes(app: FastifyInstance, p: TPlatform) {
  internalAuditsRoutes(app, p);
  managementReviewsRoutes(app, p);
  nonconformitiesRoutes(app, p);
  aiIncidentsRoutes(app, p);
}
