import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import type { TLocale } from '../../../shared/contracts/common.ts';
import { getTenant } from '../tenants/tenants-repo.ts';
import { assessmentReference, buildAssessmentModel } from './documents/build-assessment-model.ts';
import { renderAssessmentJson, renderAssessmentPdf } from './documents/render-assessment.ts';
import { createAssessmentReads } from './impact-assessments-service.ts';

/*
 * The document of one version, in the language asked for: PDF for people, JSON for machines (and
 * for the notification of a FRIA's results to the market surveillance authority). Built from the
 * stored version each time: a version being exported is either frozen (approved) or says on every
 * page that it is a draft.
 */
export function createAssessmentExport(p: Pick<TPlatform, 'db' | 'authz' | 'clock'>) {
  const reads = createAssessmentReads(p);
  return {
    async export(actor: TActor | null, tenantId: string, id: string, version: number, format: 'pdf' | 'json', lang: TLocale) {
      const grant = await p.authz.assert(actor, 'impactAssessment.read', { tenantId });
      const [a, tenant] = await Promise.all([reads.detail(actor, grant, id, version), getTenant(p.db, tenantId)]);
      const model = buildAssessmentModel(
        {
          organizationName: tenant?.name ?? '',
          aiSystem: { id: a.aiSystemId, name: a.aiSystemName, annexIIIPoint: a.friaApplicability.annexIIIPoint },
          assessment: { id: a.id, title: a.title, variant: a.variant },
          version: a.current,
          significantSeverity: a.significantSeverity,
          generatedAt: p.clock.now(),
        },
        lang,
      );
      const base = `${assessmentReference(a.id, version)}-${lang}`;
      if (format === 'pdf') return { filename: `${base}.pdf`, contentType: 'application/pdf', body: await renderAssessmentPdf(model) };
      const json = renderAssessmentJson(model, { assessmentId: a.id, aiSystemId: a.aiSystemId, version, status: a.current.status });
      return { filename: `${base}.json`, contentType: 'application/json; charset=utf-8', body: JSON.stringify(json, null, 2) };
    },
  };
}
