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
import { COMPETENCE_AUDIT } from './competence/competence-audit.ts';
import { competenceDocs } from './competence/competence-docs.ts';
import { COMPETENCE_POLICIES } from './competence/competence-policies.ts';
import { competenceRoutes } from './competence/competence-routes.ts';
import { PARTIES_AUDIT } from './interested-parties/parties-audit.ts';
import { partiesDocs } from './interested-parties/parties-docs.ts';
import { PARTY_POLICIES } from './interested-parties/parties-policies.ts';
import { partiesRoutes } from './interested-parties/parties-routes.ts';
import { OBJECTIVES_AUDIT } from './objectives/objectives-audit.ts';
import { objectivesDocs } from './objectives/objectives-docs.ts';
import { OBJECTIVE_POLICIES } from './objectives/objectives-policies.ts';
import { objectivesRoutes } from './objectives/objectives-routes.ts';
import { SCOPE_AUDIT } from './scope/scope-audit.ts';
import { scopeDocs } from './scope/scope-docs.ts';
import { SCOPE_POLICIES } from './scope/scope-policies.ts';
import { scopeRoutes } from './scope/scope-routes.ts';

/*
 * Management-system records (ISO/IEC 42001 clauses 4–10): one sub-folder per record type, each
 * with its own repo, service, policies, audit actions, routes and docs, wired here so that the
 * platform's registration lists (policies, audit actions, routes, API docs) name the domain once.
 */

export const AIMS_RECORDS_POLICIES = [
  ...INTERNAL_AUDIT_POLICIES,
  ...MANAGEMENT_REVIEW_POLICIES,
  ...NONCONFORMITY_POLICIES,
  ...AI_INCIDENT_POLICIES,
  ...SCOPE_POLICIES,
  ...PARTY_POLICIES,
  ...OBJECTIVE_POLICIES,
  ...COMPETENCE_POLICIES,
];

export const AIMS_RECORDS_AUDIT = {
  ...INTERNAL_AUDITS_AUDIT,
  ...MANAGEMENT_REVIEWS_AUDIT,
  ...NONCONFORMITIES_AUDIT,
  ...AI_INCIDENTS_AUDIT,
  ...SCOPE_AUDIT,
  ...PARTIES_AUDIT,
  ...OBJECTIVES_AUDIT,
  ...COMPETENCE_AUDIT,
};

export const aimsRecordsDocs: TApiDocs = { ...internalAuditsDocs, ...managementReviewsDocs, ...nonconformitiesDocs, ...aiIncidentsDocs, ...scopeDocs, ...partiesDocs, ...objectivesDocs, ...competenceDocs };

/** The records' routes; app.ts calls this once. */
export function aimsRecordsRoutes(app: FastifyInstance, p: TPlatform) {
  internalAuditsRoutes(app, p);
  managementReviewsRoutes(app, p);
  nonconformitiesRoutes(app, p);
  aiIncidentsRoutes(app, p);
  scopeRoutes(app, p);
  partiesRoutes(app, p);
  objectivesRoutes(app, p);
  competenceRoutes(app, p);
}

// Service factories (the demo seed writes through them) and the checklist's SQL fragments.
export { createScopeService } from './scope/scope-service.ts';
export { createPartiesService } from './interested-parties/parties-service.ts';
export { createObjectivesService } from './objectives/objectives-service.ts';
export { createCompetenceService } from './competence/competence-service.ts';
export { scopeChecklistSql } from './scope/scope-repo.ts';
export { objectivesChecklistSql } from './objectives/objectives-repo.ts';
export { competenceChecklistSql } from './competence/competence-repo.ts';
