import type { TPlatform } from '../../../../platform/platform.ts';
import type { TActor } from '../../../../platform/authz/actor.ts';
import { AppError, notFound } from '../../../../platform/errors/errors.ts';
import { loadAudit } from '../../audit-work/checklist-service.ts';
import { toAssessmentResults } from './assessment-results.ts';
import { controlIds, type TLang } from './oscal-common.ts';
import * as repo from './oscal-repo.ts';
import { toPoam } from './poam.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

/**
 * The OSCAL downloads of the certification body: an audit's assessment results (whoever may read
 * the audit's report: the body's members, an auditor only for an audit they are on) and a
 * programme's plan of action and milestones (every member of the body).
 */
export function createOscalExportService(p: TDeps) {
  async function idsFor(frameworks: readonly { framework_id: string | null; framework_version: string | null }[]) {
    const f = frameworks.find((x) => x.framework_id && x.framework_version);
    return f ? controlIds(await repo.requirementKinds(p.db, f.framework_id!, f.framework_version!)) : new Map<string, string>();
  }

  return {
    async assessmentResults(actor: TActor | null, tenantId: string, auditId: string, lang: TLang) {
      const grant = await p.authz.assert(actor, 'auditReport.read', { tenantId });
      await loadAudit(p, p.db, grant, 'auditReport.read', auditId);
      const h = await repo.auditHeader(p.db, tenantId, auditId);
      if (!h) throw notFound('Audit');
      const [found, items] = await Promise.all([repo.findings(p.db, tenantId, { auditId }), repo.checklistItems(p.db, tenantId, auditId)]);
      const ids = await idsFor([h, ...found]);
      const document = toAssessmentResults({
        audit: { id: h.id, reference: h.reference, type: h.type, state: h.state, start: h.start, end: h.end, planHref: `/api/tenants/${tenantId}/audits/${auditId}/plan` },
        body: { tenantId, name: h.body_name },
        client: { id: h.client_id, name: h.client_name, reference: h.client_reference },
        framework: h.framework_id && h.framework_version ? { id: h.framework_id, version: h.framework_version } : null,
        controlIds: ids,
        reviewed: items.map((i) => i.ref),
        findings: found.map((f) => ({
          id: f.id,
          reference: f.reference,
          class: f.class,
          state: f.state,
          ref: f.ref,
          statement: f.statement,
          evidence: f.evidence,
          raisedAt: f.raised_at,
          responseDueOn: f.response_due_on,
          closureDueOn: f.closure_due_on,
          section: f.section,
        })),
        conforming: items.filter((i) => i.verdict === 'conforming').map((i) => ({ itemId: i.id, ref: i.ref, section: i.section, notes: i.notes, updatedAt: i.updated_at })),
        now: p.clock.now(),
        lang,
      });
      return { filename: `${h.reference}-assessment-results${lang === 'en' ? '' : `-${lang}`}.json`, document };
    },

    async poam(actor: TActor | null, tenantId: string, programmeId: string, lang: TLang) {
      await p.authz.assert(actor, 'certAudit.read', { tenantId });
      const h = await repo.programmeHeader(p.db, tenantId, programmeId);
      if (!h) throw notFound('Programme');
      const open = await repo.findings(p.db, tenantId, { programmeId, openNonconformities: true });
      if (!open.length) throw new AppError(409, 'cycle_poam_empty', 'This programme has no open nonconformity: there is nothing to plan.', { programmeId });
      const document = toPoam({
        programme: { id: h.id, cycle: h.cycle },
        body: { tenantId, name: h.body_name },
        client: { id: h.client_id, name: h.client_name, reference: h.client_reference },
        controlIds: await idsFor(open),
        items: open.map((f) => ({
          id: f.id,
          reference: f.reference,
          auditReference: f.audit_reference,
          class: f.class as 'major' | 'minor',
          state: f.state,
          ref: f.ref,
          statement: f.statement,
          evidence: f.evidence,
          raisedAt: f.raised_at,
          responseDueOn: f.response_due_on,
          closureDueOn: f.closure_due_on,
          verificationDueOn: f.verification_due_on,
          section: f.section,
          responses: f.responses.map((r) => ({
            id: r.id,
            version: r.version,
            correction: r.correction,
            rootCause: r.root_cause,
            correctiveAction: r.corrective_action,
            plannedCompletionOn: r.planned_completion_on,
            verdict: r.verdict,
            verdictReason: r.verdict_reason,
            submittedAt: r.submitted_at,
          })),
        })),
        now: p.clock.now(),
        lang,
      });
      return { filename: `${h.client_reference}-cycle-${h.cycle}-poam${lang === 'en' ? '' : `-${lang}`}.json`, document };
    },
  };
}
