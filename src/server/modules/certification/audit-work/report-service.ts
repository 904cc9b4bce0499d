import { Readable } from 'node:stream';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import { renderDocumentDocx } from '../../../documents/render-docx.ts';
import { renderDocumentPdf } from '../../../documents/render-pdf.ts';
import { LOCALES, type TLocale } from '../../../../shared/contracts/common.ts';
import { RECOMMENDATIONS_BY_AUDIT_TYPE, REPORT_FORMATS, recommendationFits, type TReport, type TReportFormat, type TReportKind, type TUpdateReportInput } from '../../../../shared/contracts/audit-work.ts';
import type { TAuditType } from '../../../../shared/contracts/certification.ts';
import { buildAuditReportModel } from './documents/build-audit-report-model.ts';
import * as repo from './report-repo.ts';
import { createChecklistService, loadAudit, subjectOf, type TAuditWorkDeps } from './checklist-service.ts';

type TDeps = TAuditWorkDeps & Pick<TPlatform, 'blobs'> & { timeZone?: string };

const iso = (d: Date | string) => new Date(d).toISOString();
const userIdOf = (actor: TActor | null) => (actor?.type === 'user' ? actor.userId : null);

/** A stage 1 (or a pre-audit, which rehearses it) concludes on readiness; the other audits on a recommendation. */
export const reportKindOf = (type: TAuditType): TReportKind => (type === 'stage1' || type === 'pre_audit' ? 'stage1' : 'audit');

const STAGE1_FIELDS = ['conformities', 'observations', 'areasToClarify', 'readyForStage2'] as const;
const AUDIT_FIELDS = ['conclusions', 'closingMeetingDate', 'attendees', 'recommendation'] as const;

const BLANK: repo.TReportValues = {
  summary: '',
  conformities: '',
  observations: '',
  areas_to_clarify: '',
  ready_for_stage2: null,
  conclusions: '',
  closing_meeting_date: null,
  attendees: [],
  recommendation: null,
};

const valuesOf = (r: repo.TReportRow | undefined): repo.TReportValues =>
  r
    ? {
        summary: r.summary,
        conformities: r.conformities,
        observations: r.observations,
        areas_to_clarify: r.areas_to_clarify,
        ready_for_stage2: r.ready_for_stage2,
        conclusions: r.conclusions,
        closing_meeting_date: r.closing_meeting_date,
        attendees: r.attendees,
        recommendation: r.recommendation,
      }
    : BLANK;

/** The report's fields as the audit log and the API name them. */
const fieldsOf = (v: repo.TReportValues) => ({
  summary: v.summary,
  conformities: v.conformities,
  observations: v.observations,
  areasToClarify: v.areas_to_clarify,
  readyForStage2: v.ready_for_stage2,
  conclusions: v.conclusions,
  closingMeetingDate: v.closing_meeting_date,
  attendees: v.attendees,
  recommendation: v.recommendation,
});

/**
 * What an issued report must say (17021-1 9.4.8.2): a stage 1 its readiness for stage 2 and what
 * it found; the other audits their conclusions, the closing meeting (date, attendees) and the
 * recommendation. Every checklist item carries a verdict (`not_audited` is one).
 */
export function missingForIssue(kind: TReportKind, v: repo.TReportValues, checklist: { generated: boolean; open: number }): string[] {
  const missing: string[] = [];
  if (!checklist.generated) missing.push('checklist');
  else if (checklist.open > 0) missing.push('checklistVerdicts');
  if (!v.summary.trim()) missing.push('summary');
  if (kind === 'stage1') {
    if (!v.ready_for_stage2) missing.push('readyForStage2');
    if (v.ready_for_stage2 === 'not_yet' && !v.areas_to_clarify.trim()) missing.push('areasToClarify');
  } else {
    if (!v.conclusions.trim()) missing.push('conclusions');
    if (!v.closing_meeting_date) missing.push('closingMeetingDate');
    if (!v.attendees.length) missing.push('attendees');
    if (!v.recommendation) missing.push('recommendation');
  }
  return missing;
}

const CONTENT_TYPE: Record<TReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
const RENDER = { pdf: renderDocumentPdf, docx: renderDocumentDocx } as const;

export function createReportService(p: TDeps) {
  const checklists = createChecklistService(p);

  async function get(actor: TActor | null, tenantId: string, auditId: string, grantIn?: TTenantGrant, db: TDeps['db'] = p.db): Promise<TReport> {
    const grant = grantIn ?? (await p.authz.assert(actor, 'auditReport.read', { tenantId }));
    const ctx = await loadAudit(p, db, grant, 'auditReport.read', auditId);
    const r = await repo.getReport(db, tenantId, auditId);
    return {
      auditId,
      auditReference: ctx.reference,
      auditType: ctx.type,
      kind: r?.kind ?? reportKindOf(ctx.type),
      status: r?.status ?? 'draft',
      ...fieldsOf(valuesOf(r)),
      updatedBy: r?.updated_by_id ? { id: r.updated_by_id, name: r.updated_by_name ?? '' } : null,
      updatedAt: r?.updated_at ? iso(r.updated_at) : null,
      issuedBy: r?.issued_by_id ? { id: r.issued_by_id, name: r.issued_by_name ?? '' } : null,
      issuedAt: r?.issued_at ? iso(r.issued_at) : null,
      files: r?.files ?? [],
      abilities: p.authz.abilities(grant, 'auditReport', subjectOf(ctx)),
    };
  }

  return {
    get,

    /** The draft, by the lead auditor or an auditor of the team while the audit is in progress; only the fields sent change. */
    async update(actor: TActor | null, tenantId: string, auditId: string, input: TUpdateReportInput, ctxReq: TRequestContext) {
      const grant = await p.authz.assert(actor, 'auditReport.write', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const ctx = await loadAudit(p, tx, grant, 'auditReport.write', auditId, true);
        const kind = reportKindOf(ctx.type);
        const foreign = kind === 'stage1' ? AUDIT_FIELDS : STAGE1_FIELDS;
        const wrong = foreign.filter((f) => f in input);
        if (wrong.length) {
          const message = kind === 'stage1' ? 'A stage 1 report concludes on readiness for stage 2, not on a recommendation.' : 'Only a stage 1 report concludes on readiness for stage 2.';
          throw new AppError(400, 'validation_failed', message, wrong.map((field) => ({ field, issue: 'invalid', message })));
        }
        if (input.recommendation && !recommendationFits(ctx.type, input.recommendation)) {
          const allowed = RECOMMENDATIONS_BY_AUDIT_TYPE[ctx.type];
          const message = `A ${ctx.type.replace('_', '-')} audit report recommends one of: ${allowed.join(', ')}.`;
          throw new AppError(400, 'validation_failed', message, [{ field: 'recommendation', issue: 'invalid', message }]);
        }
        const row = await repo.getReport(tx, tenantId, auditId, true);
        const before = valuesOf(row);
        const next: repo.TReportValues = {
          summary: input.summary ?? before.summary,
          conformities: input.conformities ?? before.conformities,
          observations: input.observations ?? before.observations,
          areas_to_clarify: input.areasToClarify ?? before.areas_to_clarify,
          ready_for_stage2: input.readyForStage2 !== undefined ? input.readyForStage2 : before.ready_for_stage2,
          conclusions: input.conclusions ?? before.conclusions,
          closing_meeting_date: input.closingMeetingDate !== undefined ? input.closingMeetingDate : before.closing_meeting_date,
          attendees: input.attendees ?? before.attendees,
          recommendation: input.recommendation !== undefined ? input.recommendation : before.recommendation,
        };
        await repo.upsertReport(tx, tenantId, auditId, kind, next, { updated_by: userIdOf(actor), updated_at: p.clock.now() });
        // The audit's reference on the after side only: the "only what changed" filter keeps it there.
        await recordAudit(tx, actor, ctxReq, { tenantId, action: 'audit_report.updated', subjectType: 'audit', subjectId: auditId, before: fieldsOf(before), after: { auditReference: ctx.reference, ...fieldsOf(next) } });
      });
      return get(actor, tenantId, auditId, grant);
    },

    /**
     * Issues the report: renders it in English and French as PDF and DOCX, stores the four files in
     * the blob store by SHA-256 and freezes the report. The files are what was issued: they are
     * served as stored, never rendered again.
     */
    async issue(actor: TActor | null, tenantId: string, auditId: string, ctxReq: TRequestContext) {
      const grant = await p.authz.assert(actor, 'auditReport.issue', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const ctx = await loadAudit(p, tx, grant, 'auditReport.issue', auditId, true);
        const kind = reportKindOf(ctx.type);
        const row = await repo.getReport(tx, tenantId, auditId, true);
        const values = valuesOf(row);
        const checklist = await checklists.read(tx, grant, auditId);
        const missing = missingForIssue(kind, values, { generated: checklist.generated, open: checklist.totals.open });
        // A recommendation the audit type cannot make (one written before the lists were per type) is not one.
        if (kind === 'audit' && values.recommendation && !recommendationFits(ctx.type, values.recommendation)) missing.push('recommendation');
        if (!row || missing.length) {
          throw new AppError(409, 'report_incomplete', `The report cannot be issued yet: ${missing.join(', ')}.`, { missing, openItems: checklist.totals.open });
        }
        const issuedAt = p.clock.now();
        const issuedBy = actor?.type === 'user' ? actor.name : '';
        const facts = await repo.reportFacts(tx, tenantId, auditId);
        const report: TReport = { ...(await get(actor, tenantId, auditId, grant, tx)), kind, ...fieldsOf(values) };
        const files: { locale: TLocale; format: TReportFormat; sha256: string; size: number }[] = [];
        for (const locale of LOCALES) {
          const model = buildAuditReportModel({ report, checklist, facts, clientName: ctx.client_name, issuedAt, issuedBy, timeZone: p.timeZone ?? 'Europe/Paris' }, locale);
          for (const format of REPORT_FORMATS) {
            const bytes = await RENDER[format](model);
            const stored = await p.blobs.put(Readable.from(bytes));
            files.push({ locale, format, sha256: stored.sha256, size: stored.size });
          }
        }
        await repo.markIssued(tx, tenantId, auditId, { issued_by: userIdOf(actor), issued_at: issuedAt }, files);
        await recordAudit(tx, actor, ctxReq, {
          tenantId,
          action: 'audit_report.issued',
          subjectType: 'audit',
          subjectId: auditId,
          after: { auditReference: ctx.reference, kind, readyForStage2: values.ready_for_stage2, recommendation: values.recommendation, files: files.map(({ locale, format, sha256 }) => ({ locale, format, sha256 })) },
        });
      });
      return get(actor, tenantId, auditId, grant);
    },

    /** An issued file, as stored. */
    async file(actor: TActor | null, tenantId: string, auditId: string, locale: TLocale, format: TReportFormat) {
      const grant = await p.authz.assert(actor, 'auditReport.read', { tenantId });
      const ctx = await loadAudit(p, p.db, grant, 'auditReport.read', auditId);
      const f = await repo.reportFile(p.db, tenantId, auditId, locale, format);
      if (!f) throw notFound('Issued report');
      const body = await p.blobs.get(f.sha256);
      if (!body) throw notFound('Issued report');
      return { body, sha256: f.sha256, size: f.size, contentType: CONTENT_TYPE[format], filename: `${ctx.reference}-report-${locale}.${format}` };
    },

    /** For the audit lifecycle: has this audit's report been issued (the condition for `reported`)? */
    async isIssued(tenantId: string, auditId: string) {
      return (await repo.getReport(p.db, tenantId, auditId))?.status === 'issued';
    },
  };
}
