import type { FastifyInstance } from 'fastify';
import type { TApiDocs } from '../../platform/http/api-docs.ts';
import type { TPlatform } from '../../platform/platform.ts';
import { soc2ExaminationsDocs } from './examinations/examinations-docs.ts';
import { soc2ExaminationsRoutes } from './examinations/examinations-routes.ts';
import { soc2DescriptionsDocs } from './descriptions/descriptions-docs.ts';
import { soc2DescriptionsRoutes } from './descriptions/descriptions-routes.ts';
import { soc2ExceptionsDocs } from './exceptions/exceptions-docs.ts';
import { soc2ExceptionsRoutes } from './exceptions/exceptions-routes.ts';
import { soc2ScopePartsDocs } from './scope/scope-parts-docs.ts';
import { soc2ScopePartsRoutes } from './scope/scope-parts-routes.ts';
import { soc2ReadersDocs } from './readers/readers-docs.ts';
import { soc2ReadersRoutes } from './readers/readers-routes.ts';
import { soc2FieldworkDocs } from './fieldwork/fieldwork-docs.ts';
import { soc2FieldworkRoutes, soc2PopulationUploadRoutes } from './fieldwork/fieldwork-routes.ts';
import { soc2ReportDocs } from './report/report-docs.ts';
import { soc2ReportRoutes } from './report/report-routes.ts';

/*
 * SOC 2 attestation (see README.md): one sub-folder per part — the firm's licence and policies,
 * examinations and their scope, management's system description — wired here so the platform's
 * registration lists name the domain once.
 */

export { SOC2_AUDIT, SOC2_POLICIES } from './soc2-registry.ts';

export const soc2Docs: TApiDocs = { ...soc2ExaminationsDocs, ...soc2DescriptionsDocs, ...soc2ExceptionsDocs, ...soc2ScopePartsDocs, ...soc2ReadersDocs, ...soc2FieldworkDocs, ...soc2ReportDocs };

/** The SOC 2 routes; app.ts calls this once. */
export function soc2Routes(app: FastifyInstance, p: TPlatform) {
  soc2ExaminationsRoutes(app, p);
  soc2DescriptionsRoutes(app, p);
  soc2ExceptionsRoutes(app, p);
  soc2ScopePartsRoutes(app, p);
  soc2ReadersRoutes(app, p);
  soc2FieldworkRoutes(app, p);
  // Population files stream in their own scope (their own content-type parsers), like evidence uploads.
  void app.register(async (scope) => soc2PopulationUploadRoutes(scope, p));
  soc2ReportRoutes(app, p);
}

export { getSoc2FirmSettings, effectiveFeeParameters, effectiveSampling, type TSoc2FirmSettings } from './firm-settings.ts';
export { createSoc2ScopeService } from './examinations/scope-service.ts';
export { examinationLifecycle } from './examinations/examination-lifecycle.ts';
export { createSoc2ExaminationsService, examinationCore } from './examinations/examinations-service.ts';
export { openExamination, assertLicensedFirm, type TOpenExaminationInput } from './examinations/open-examination.ts';
export { checkExaminationDates, normalizeCategories, nextPeriod, addMonths, addDays, periodEndFor } from './examinations/examination-rules.ts';
export * as soc2ExaminationsRepo from './examinations/examinations-repo.ts';
export { createSoc2DescriptionsService, versionDto } from './descriptions/descriptions-service.ts';
export { canonicalContent, contentSha256, missingParts, changedSections } from './descriptions/description-content.ts';
export { listScopeParts, copyScopePartsFrom, type TScopeParts } from './scope/scope-parts-repo.ts';
export { createSoc2RenewalService } from './examinations/renew-examination.ts';
export { diffLines, diffDescriptions } from './descriptions/description-diff.ts';
export { buildSoc2ReportModelFromDb, loadSoc2ReportSource, soc2ReportModelOf, reportGaps } from './report/report-model.ts';
export { createSoc2ReportService } from './report/report-service.ts';
export { createSoc2BridgeLetterService } from './report/bridge-letter-service.ts';
