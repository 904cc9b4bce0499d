import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TLocale } from '../../../../shared/contracts/common.ts';
import { SOC2_BRIDGE_MAX_MONTHS, ZIssueSoc2BridgeLetterBody, type TIssueSoc2BridgeLetterBody, type TSoc2IssuedDocument } from '../../../../shared/contracts/soc2-report.ts';
import { buildSoc2BridgeLetter, type TSoc2BridgeLetterModel } from '../documents/build-soc2-bridge-letter.ts';
import { addMonths } from '../examinations/examination-rules.ts';
import * as exams from '../examinations/examinations-repo.ts';
import * as docs from './documents-repo.ts';
import { dayIn, documentDto, fileHashes, modelSha256, recordInBoth, renderAndStore } from './report-common.ts';
import type { TSoc2StoredModel } from './report-service.ts';

/*
 * A bridge letter is management's letter, not the firm's: an owner or administrator of the
 * organization issues it, signing with their name and title, for the days after the period of an
 * issued Type II report — from the day after the period end up to `coversUntil`, which is not in the
 * future and at most SOC2_BRIDGE_MAX_MONTHS after the period end. The report's parties and system
 * are taken from the issued report's frozen model, so the letter names exactly what was issued.
 * Stored like the report (four files, the model and their hashes), numbered `<report>-BL<n>`.
 */

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock' | 'blobs'> & { timeZone?: string };

export function createSoc2BridgeLetterService(p: TDeps) {
  const tz = p.timeZone ?? 'Europe/Paris';
  return {
    async issue(actor: TActor | null, tenantId: string, examinationId: string, body: TIssueSoc2BridgeLetterBody, ctx: TRequestContext): Promise<TSoc2IssuedDocument> {
      const grant = await p.authz.assert(actor, 'soc2BridgeLetter.issue', { tenantId });
      if (actor?.type !== 'user') throw new AppError(403, 'person_required', 'Management’s bridge letter is signed by a person, not an API token.');
      const input = ZIssueSoc2BridgeLetterBody.parse(body);
      const id = await p.db.transaction().execute(async (tx) => {
        const x = await exams.orgExamination(tx, tenantId, examinationId, true);
        if (!x) throw notFound('Examination');
        const all = await docs.documentsOf(tx, x.tenant_id, x.id, true);
        const report = all.find((d) => d.kind === 'report');
        p.authz.assertOn(grant, 'soc2BridgeLetter.issue', { reportIssued: Boolean(report), reportType: x.report_type });
        const periodEnd = x.period_end!;
        const now = p.clock.now();
        const today = dayIn(now, tz);
        const limit = addMonths(periodEnd, SOC2_BRIDGE_MAX_MONTHS);
        const bad = (field: string, message: string) => new AppError(400, 'soc2_bridge_letter_dates', message, { field, periodEnd, latest: limit < today ? limit : today });
        if (input.coversUntil <= periodEnd) throw bad('coversUntil', 'A bridge letter covers days after the report’s period end.');
        if (input.coversUntil > today) throw bad('coversUntil', 'A bridge letter cannot speak for days still to come.');
        if (input.coversUntil > limit) throw bad('coversUntil', `A bridge letter reaches at most ${SOC2_BRIDGE_MAX_MONTHS} months after the period end.`);
        if (input.nextReportPeriodEnd !== null && input.nextReportPeriodEnd <= periodEnd) throw bad('nextReportPeriodEnd', 'The next report’s period ends after this one.');

        const issued = report!.model as TSoc2StoredModel;
        const modelOf = (lang: TLocale): TSoc2BridgeLetterModel => ({
          organization: issued[lang].organization,
          systemName: issued[lang].systemName,
          report: { reference: report!.reference, type: x.report_type, firmName: issued[lang].firm.name, coveredUntil: periodEnd },
          bridgeEnd: input.coversUntil,
          letterDate: today,
          changes: input.changes,
          incidents: input.incidents,
          nextReportPeriodEnd: input.nextReportPeriodEnd,
          signatory: input.signatory,
          generatedAt: now,
        });
        const model = { en: modelOf('en'), fr: modelOf('fr') };
        const files = await renderAndStore(p.blobs, (lang) => buildSoc2BridgeLetter(model[lang], lang));
        const sha = modelSha256(model);
        const reference = `${report!.reference}-BL${all.filter((d) => d.kind === 'bridge_letter').length + 1}`;
        const row = await docs.insertDocument(tx, {
          tenantId: x.tenant_id,
          examinationId: x.id,
          kind: 'bridge_letter',
          reference,
          model,
          modelSha256: sha,
          files,
          coversUntil: input.coversUntil,
          issuedBy: actor.userId,
          issuedAt: now,
        });
        await recordInBoth(tx, actor, ctx, x, {
          action: 'soc2_bridge_letter.issued',
          after: {
            documentReference: reference,
            reportReference: report!.reference,
            coversUntil: input.coversUntil,
            name: input.signatory.name,
            title: input.signatory.title,
            modelSha256: sha,
            files: fileHashes(files),
          },
        });
        return { firmTenantId: x.tenant_id, examinationId: x.id, id: row.id };
      });
      const doc = (await docs.documentsOf(p.db, id.firmTenantId, id.examinationId)).find((d) => d.id === id.id)!;
      return documentDto(doc);
    },
  };
}
