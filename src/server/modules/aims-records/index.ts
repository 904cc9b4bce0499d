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
import { competenceDocs } from './competence/competence-docs.ts';
import { competenceRoutes } from './competence/competence-routes.ts';
import { partiesDocs } from './interested-parties/parties-docs.ts';
import { partiesRoutes } from './interested-parties/parties-routes.ts';
import { objectivesDocs } from './objectives/objectives-docs.ts';
import { objectivesRoutes } from './objectives/objectives-routes.ts';
import { scopeDocs } from './scope/scope-docs.ts';
import { scopeRoutes } from './scope/scope-routes.ts';

/*
 * Management-system records (ISO/IEC 42001 clauses 4–10): one sub-folder per record type, each
 * with its own repo, service, policies, audit actions, routes and docs, wired here so that the
 * platform's registration lists (policies, audit actions, routes, API docs) name the domain once.
 */

export { AIMS_RECORDS_AUDIT, AIMS_RECORDS_POLICIES } from './aims-records-registry.ts';

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
