import type { FastifyInstance } from 'fastify';
import type { TApiDocs } from '../../platform/http/api-docs.ts';
import type { TPlatform } from '../../platform/platform.ts';
import { auditWorkDocs } from './audit-work/audit-work-docs.ts';
import { auditWorkRoutes } from './audit-work/audit-work-routes.ts';

/*
 * The certification body's side (ISO/IEC 17021-1): one sub-folder per record type — clients and
 * enquiries, audit time, proposals, engagements, audits and their workspace — each with its own
 * repo, service, policies, audit actions, routes and docs, wired here so that the platform's
 * registration lists name the domain once.
 */

export { CERTIFICATION_AUDIT, CERTIFICATION_POLICIES } from './certification-registry.ts';

export const certificationDocs: TApiDocs = { ...auditWorkDocs };

/** The certification routes; app.ts calls this once. */
export function certificationRoutes(app: FastifyInstance, p: TPlatform) {
  auditWorkRoutes(app, p);
}

// Service factories (the demo seed writes through them).
export { createChecklistService } from './audit-work/checklist-service.ts';
export { createReportService } from './audit-work/report-service.ts';
