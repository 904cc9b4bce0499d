import type { Readable } from 'node:stream';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import { renderDocumentPdf } from '../../../documents/render-pdf.ts';
import type { TLocale } from '../../../../shared/contracts/common.ts';
import type { TSoc2DocumentKind, TSoc2Opinion } from '../../../../shared/contracts/soc2.ts';
import type { TOrgSoc2ReportStatus, TSoc2DocumentFormat, TSoc2ReportStatus } from '../../../../shared/contracts/soc2-report.ts';
import { SOC2_BRIDGE_MAX_MONTHS } from '../../../../shared/contracts/soc2-report.ts';
import { buildSoc2GeneralUseSummary } from '../documents/build-soc2-general-use.ts';
import { buildSoc2ReportDocument } from '../documents/build-soc2-report.ts';
import { soc2Labels } from '../documents/soc2-document-common.ts';
import type { TSoc2ReportModel } from '../documents/soc2-report-model.ts';
import { examinationLifecycle } from '../examinations/examination-lifecycle.ts';
import { addMonths } from '../examinations/examination-rules.ts';
import * as exams from '../examinations/examinations-repo.ts';
import * as docs from './documents-repo.ts';
import { CONTENT_TYPE, dayIn, documentDto, fileHashes, modelSha256, recordInBoth, renderAndStore, userIdOf } from './report-common.ts';
import { loadSoc2ReportSource, reportGaps, soc2ReportModelOf } from './report-model.ts';
import * as modelRepo from './report-model-repo.ts';

/*
 * The SOC 2 report: a draft preview for the firm (rendered on request, marked on every page, nothing
 * stored), issue by the engagement partner (reporting → issued, once: the four files and the model
 * are frozen with their SHA-256 in the transaction that moves the state), and the issued files for
 * the firm and the organization, each download in both tenants' logs.
 */

export type TSoc2ReportDeps = Pick<TPlatform, 'db' | 'authz' | 'clock' | 'blobs'> & { timeZone?: string };

export type TSoc2StoredModel = { en: TSoc2ReportModel; fr: TSoc2ReportModel };

export function createSoc2ReportService(p: TSoc2ReportDeps) {
  const tz = p.timeZone ?? 'Europe/Paris';

  const generalUseOf = (all: docs.TDocumentRow[]) => {
    const d = all.find((x) => x.kind === 'general_use');
    return d ? documentDto(d) : null;
  };

  function gapsError(missing: string[]) {
    return new AppError(409, 'soc2_report_not_ready', `The report cannot be issued yet: ${missing.join(', ')}.`, { missing });
  }

  async function file(actor: TActor | null, tenantId: string, examinationId: string, kind: TSoc2DocumentKind, documentId: string | null, locale: TLocale, format: TSoc2DocumentFormat, org: boolean, ctx: TRequestContext) {
    await p.authz.assert(actor, org ? 'orgSoc2Examination.read' : 'soc2Examination.read', { tenantId });
    const x = org ? await exams.orgExamination(p.db, tenantId, examinationId) : await exams.firmExamination(p.db, tenantId, examinationId);
    if (!x) throw notFound('Examination');
    const doc = (await docs.documentsOf(p.db, x.tenant_id, x.id)).find((d) => d.kind === kind && (documentId === null || d.id === documentId));
    const f = doc?.files[locale]?.[format];
    const body: Readable | null = f ? await p.blobs.get(f.sha256) : null;
    if (!doc || !f || !body) throw notFound('Document');
    await p.db.transaction().execute((tx) =>
      recordInBoth(tx, actor, ctx, x, { action: 'soc2_document.downloaded', after: { documentReference: doc.reference, kind, locale, format, sha256: f.sha256 } }),
    );
    return { body, sha256: f.sha256, size: f.size, contentType: CONTENT_TYPE[format], filename: `${doc.reference.replace(/[^A-Za-z0-9._-]+/g, '_')}-${locale}.${format}` };
  }

  /** The firm's view: the issued report and bridge letters, or what stops issuing. */
  async function status(actor: TActor | null, tenantId: string, examinationId: string): Promise<TSoc2ReportStatus> {
    const grant = await p.authz.assert(actor, 'soc2Examination.read', { tenantId });
    const head = await modelRepo.reportHead(p.db, tenantId, examinationId, tz);
    if (!head) throw notFound('Examination');
    const all = await docs.documentsOf(p.db, tenantId, examinationId);
    const report = all.find((d) => d.kind === 'report');
    return {
      examinationId: head.id,
      examinationReference: head.reference,
      reportType: head.report_type,
      state: head.state,
      report: report ? documentDto(report) : null,
      bridgeLetters: all.filter((d) => d.kind === 'bridge_letter').map(documentDto),
      generalUse: generalUseOf(all),
      missing: report ? [] : (reportGaps({ head, subservice: [], complementary: [], criteria: [], tests: [] }, true) as TSoc2ReportStatus['missing']),
      abilities: p.authz.abilities(grant, 'soc2Report', { state: head.state, partnerUserId: head.partner_user_id }),
    };
  }

  return {
    status,

    /** The organization's view: only what was issued. */
    async orgStatus(actor: TActor | null, tenantId: string, examinationId: string): Promise<TOrgSoc2ReportStatus> {
      const grant = await p.authz.assert(actor, 'orgSoc2Examination.read', { tenantId });
      const x = await exams.orgExamination(p.db, tenantId, examinationId);
      if (!x) throw notFound('Examination');
      const all = await docs.documentsOf(p.db, x.tenant_id, x.id);
      const report = all.find((d) => d.kind === 'report');
      const facts = report ? await docs.issuedReportFacts(p.db, x.tenant_id, x.id) : undefined;
      return {
        examinationId: x.id,
        examinationReference: x.reference,
        reportType: x.report_type,
        state: x.state,
        periodEnd: x.period_end,
        report: report ? documentDto(report) : null,
        opinion: (facts?.opinion as TSoc2Opinion | undefined) ?? null,
        reportDate: facts?.report_date ?? null,
        bridgeLetters: all.filter((d) => d.kind === 'bridge_letter').map(documentDto),
        generalUse: generalUseOf(all),
        bridgeLimit: report && x.period_end ? addMonths(x.period_end, SOC2_BRIDGE_MAX_MONTHS) : null,
        abilities: p.authz.abilities(grant, 'orgSoc2Report', { reportIssued: Boolean(report), reportType: x.report_type }),
      };
    },

    /** A draft of the report as it would be issued today, marked as a draft on every page; nothing is stored. */
    async preview(actor: TActor | null, tenantId: string, examinationId: string, locale: TLocale): Promise<Buffer> {
      const grant = await p.authz.assert(actor, 'soc2Report.preview', { tenantId });
      const source = await loadSoc2ReportSource(p.db, tenantId, examinationId, tz);
      if (!source) throw notFound('Examination');
      p.authz.assertOn(grant, 'soc2Report.preview', { state: source.head.state, partnerUserId: source.head.partner_user_id });
      const missing = reportGaps(source, false);
      if (missing.length) throw gapsError(missing);
      const now = p.clock.now();
      const model = soc2ReportModelOf(source, locale, { reference: source.head.reference, reportDate: dayIn(now, tz), generatedAt: now });
      const t = soc2Labels(locale);
      return renderDocumentPdf(buildSoc2ReportDocument(model, locale), {
        watermark: { lines: [t('report.draftWatermark.status'), t('report.draftWatermark.preview', { reference: source.head.reference })] },
      });
    },

    /**
     * Issues the report, once: the engagement partner, the examination in `reporting`, an opinion
     * and a signed-off description (409 `soc2_report_not_ready` lists what is missing). The model
     * is built in both languages from the tables read inside the transaction that holds the
     * examination's lock, rendered, stored, and the examination becomes `issued`.
     */
    async issue(actor: TActor | null, tenantId: string, examinationId: string, ctx: TRequestContext): Promise<TSoc2ReportStatus> {
      const grant = await p.authz.assert(actor, 'soc2Report.issue', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const x = await exams.firmExamination(tx, tenantId, examinationId, true);
        if (!x) throw notFound('Examination');
        p.authz.assertOn(grant, 'soc2Report.issue', { state: x.state, partnerUserId: x.partner?.id ?? null });
        const source = (await loadSoc2ReportSource(tx, tenantId, examinationId, tz))!;
        const missing = reportGaps(source, true);
        if (missing.length) throw gapsError(missing);
        const to = examinationLifecycle.transition(x.state, 'issue');
        const now = p.clock.now();
        const o = { reference: x.reference, reportDate: dayIn(now, tz), generatedAt: now };
        const model: TSoc2StoredModel = { en: soc2ReportModelOf(source, 'en', o), fr: soc2ReportModelOf(source, 'fr', o) };
        const files = await renderAndStore(p.blobs, (lang) => buildSoc2ReportDocument(model[lang], lang));
        const sha = modelSha256(model);
        await docs.insertDocument(tx, {
          tenantId,
          examinationId: x.id,
          kind: 'report',
          reference: x.reference,
          model,
          modelSha256: sha,
          files,
          coversUntil: null,
          issuedBy: userIdOf(actor),
          issuedAt: now,
        });
        await exams.updateExamination(tx, tenantId, x.id, { state: to }, now);
        await recordInBoth(tx, actor, ctx, x, {
          action: 'soc2_report.issued',
          after: { documentReference: x.reference, opinion: source.head.opinion!, modelSha256: sha, files: fileHashes(files) },
        });
      });
      return status(actor, tenantId, examinationId);
    },

    /**
     * The general-use summary (SOC 3-style), once, by the engagement partner after the report: rendered
     * from the issued report's frozen model, stored like it (`<report>-GU`).
     */
    async issueGeneralUse(actor: TActor | null, tenantId: string, examinationId: string, ctx: TRequestContext): Promise<TSoc2ReportStatus> {
      const grant = await p.authz.assert(actor, 'soc2Report.issueGeneralUse', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const x = await exams.firmExamination(tx, tenantId, examinationId, true);
        if (!x) throw notFound('Examination');
        p.authz.assertOn(grant, 'soc2Report.issueGeneralUse', { state: x.state, partnerUserId: x.partner?.id ?? null });
        const all = await docs.documentsOf(tx, tenantId, x.id, true);
        const report = all.find((d) => d.kind === 'report');
        if (!report) throw new AppError(409, 'soc2_report_not_issued', 'A general-use summary follows the issued report.', { state: x.state });
        const existing = all.find((d) => d.kind === 'general_use');
        if (existing) throw new AppError(409, 'soc2_general_use_issued', 'The general-use summary of this report is already issued.', { reference: existing.reference });
        const model = report.model as TSoc2StoredModel;
        // Stored as JSON: the model's date comes back as text.
        const files = await renderAndStore(p.blobs, (lang) => buildSoc2GeneralUseSummary({ ...model[lang], generatedAt: new Date(model[lang].generatedAt) }, lang));
        const reference = `${report.reference}-GU`;
        await docs.insertDocument(tx, {
          tenantId,
          examinationId: x.id,
          kind: 'general_use',
          reference,
          model,
          modelSha256: report.model_sha256,
          files,
          coversUntil: null,
          issuedBy: userIdOf(actor),
          issuedAt: p.clock.now(),
        });
        await recordInBoth(tx, actor, ctx, x, {
          action: 'soc2_general_use.issued',
          after: { documentReference: reference, reportReference: report.reference, modelSha256: report.model_sha256, files: fileHashes(files) },
        });
      });
      return status(actor, tenantId, examinationId);
    },

    /** The general-use summary's file, exactly as stored. */
    generalUseFile: (actor: TActor | null, tenantId: string, examinationId: string, locale: TLocale, format: TSoc2DocumentFormat, org: boolean, ctx: TRequestContext) =>
      file(actor, tenantId, examinationId, 'general_use', null, locale, format, org, ctx),

    /** An issued report file, exactly as stored. */
    reportFile: (actor: TActor | null, tenantId: string, examinationId: string, locale: TLocale, format: TSoc2DocumentFormat, org: boolean, ctx: TRequestContext) =>
      file(actor, tenantId, examinationId, 'report', null, locale, format, org, ctx),

    /** A bridge letter's file, exactly as stored. */
    bridgeLetterFile: (actor: TActor | null, tenantId: string, examinationId: string, documentId: string, locale: TLocale, format: TSoc2DocumentFormat, org: boolean, ctx: TRequestContext) =>
      file(actor, tenantId, examinationId, 'bridge_letter', documentId, locale, format, org, ctx),
  };
}
