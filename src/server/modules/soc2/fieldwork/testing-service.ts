import { sql } from 'kysely';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TSoc2Coverage, TSoc2SampleItem, TSoc2TestTesting } from '../../../../shared/contracts/soc2-fieldwork.ts';
import type { TSoc2TestConclusion } from '../../../../shared/contracts/soc2.ts';
import { programEngagementAccess, recordProgramRead } from '../matrix/program-access.ts';
import { periodCoverage, type TPeriodCoverage } from '../sampling/period-coverage.ts';
import { examinationOf, fieldworkExamination, firmSampling, iso, testOf, userIdOf } from './fieldwork-common.ts';
import { loadIndex } from './population-store.ts';
import { itemDto, sampleDto } from './sample-dto.ts';
import * as repo from './samples-repo.ts';

/*
 * Testing: each item's result (no exception / exception) with notes and the organization's
 * evidence, the contemporaneity of that evidence, the deviation rate, the test's conclusion
 * (refused while items are pending) and, for a Type II examination, the period coverage.
 */

export type TTestingDeps = Pick<TPlatform, 'db' | 'authz' | 'blobs' | 'clock'>;

const dayOf = (d: Date | string) => iso(d).slice(0, 10);

function deviation(items: TSoc2SampleItem[]) {
  const tested = items.filter((i) => i.result !== 'pending');
  const exceptions = tested.filter((i) => i.result === 'exception').length;
  return {
    items: items.length,
    pending: items.length - tested.length,
    exceptions,
    deviationRate: tested.length ? Math.round((exceptions / tested.length) * 10_000) / 10_000 : null,
    contemporaneityFlags: items.filter((i) => i.contemporaneity.flagged).length,
  };
}

const coverageOf = (c: TPeriodCoverage) => ({ covered: c.gaps.length === 0, slots: c.slots, gaps: c.gaps, outsidePeriod: c.outsidePeriod });

export function createTestingService(p: TTestingDeps) {
  async function view(grant: Parameters<typeof p.authz.abilities>[0], tenantId: string, examinationId: string, testId: string): Promise<TSoc2TestTesting> {
    const test = await testOf(p.db, tenantId, examinationId, testId);
    const [samples, rows, settings] = await Promise.all([repo.samplesOfTest(p.db, tenantId, testId), repo.items(p.db, tenantId, { testId }), firmSampling(p.db, tenantId)]);
    const dtos = samples.map((s) => sampleDto(s, rows, settings.contemporaneityDays));
    return {
      testId: test.id,
      reference: test.reference,
      controlRef: test.control_ref,
      frequency: test.frequency,
      conclusion: test.conclusion,
      conclusionNotes: test.conclusion_notes,
      ...deviation(dtos.flatMap((s) => s.items)),
      samples: dtos,
      abilities: p.authz.abilities(grant, 'soc2Program', {}),
    };
  }

  return {
    async testing(actor: TActor | null, tenantId: string, examinationId: string, testId: string) {
      const grant = await p.authz.assert(actor, 'soc2Program.read', { tenantId });
      await examinationOf(p.db, tenantId, examinationId);
      return view(grant, tenantId, examinationId, testId);
    },

    /**
     * An item's result. Evidence named must be the organization's own records (read through the
     * engagement, logged); when no creation day is given, the earliest linked record's is taken.
     */
    async recordResult(
      actor: TActor | null,
      tenantId: string,
      examinationId: string,
      itemId: string,
      body: { result: 'pending' | 'no_exception' | 'exception'; notes?: string | undefined; evidenceIds?: string[] | undefined; evidenceCreatedOn?: string | null | undefined },
      ctx: TRequestContext,
    ) {
      const grant = await p.authz.assert(actor, 'soc2Program.write', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const ex = await fieldworkExamination(tx, tenantId, examinationId);
        const locked = await repo.lockItem(tx, tenantId, itemId);
        if (!locked || locked.examination_id !== examinationId) throw notFound('Sample item');
        const test = await testOf(tx, tenantId, examinationId, locked.test_id, true);
        if (test.conclusion !== 'pending')
          throw new AppError(409, 'soc2_test_concluded', `The test ${test.reference} is concluded; reopen it before changing a result.`, { reference: test.reference, conclusion: test.conclusion });
        const [before] = await repo.items(tx, tenantId, { itemId });
        const ids = body.evidenceIds ? [...new Set(body.evidenceIds)] : before!.evidence_ids;
        let created: string | null = body.evidenceCreatedOn !== undefined ? body.evidenceCreatedOn : before!.evidence_created_on;
        if (body.evidenceIds && ids.length) {
          // The read of the organization's records comes first in the transaction (chain heads in tenant order).
          await recordProgramRead(tx, await programEngagementAccess(tx, actor, grant, ex), ctx, 'evidence', null);
          const found = await repo.organizationEvidence(tx, ex.organization_tenant_id, ids);
          const bad = body.evidenceIds.findIndex((e) => !found.some((f) => f.id === e));
          if (bad >= 0)
            throw new AppError(400, 'soc2_evidence_unknown', 'Not one of the organization’s evidence records.', [{ field: `evidenceIds.${bad}`, issue: 'invalid', message: 'Not one of the organization’s evidence records.' }]);
          if (body.evidenceCreatedOn === undefined) created = found.map((f) => dayOf(f.created_at)).sort()[0] ?? null;
        }
        const notes = body.notes ?? before!.notes;
        await repo.updateItem(tx, tenantId, itemId, { result: body.result, notes, evidenceIds: ids, evidenceCreatedOn: created, userId: userIdOf(actor), now: p.clock.now() });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'soc2_sample_item.tested',
          subjectType: 'soc2_sample_item',
          subjectId: itemId,
          before: { previousResult: before!.result, notes: before!.notes, evidence: before!.evidence_ids.length, evidenceCreatedOn: before!.evidence_created_on },
          after: { examinationReference: ex.reference, testReference: test.reference, key: before!.item_key, date: before!.item_date, result: body.result, notes, evidence: ids.length, evidenceCreatedOn: created },
        });
      });
      const settings = await firmSampling(p.db, tenantId);
      const [row] = await repo.items(p.db, tenantId, { itemId });
      return itemDto(row!, settings.contemporaneityDays);
    },

    /** The test's conclusion; refused while an item is pending. `pending` reopens the test. */
    async conclude(actor: TActor | null, tenantId: string, examinationId: string, testId: string, body: { conclusion: TSoc2TestConclusion; notes: string }, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'soc2Program.write', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const ex = await fieldworkExamination(tx, tenantId, examinationId);
        const test = await testOf(tx, tenantId, examinationId, testId, true);
        if (body.conclusion !== 'pending') {
          const pending = await repo.pendingItems(tx, tenantId, testId);
          if (pending > 0) throw new AppError(409, 'soc2_items_pending', `${pending} item(s) of ${test.reference} have no result yet.`, { pending, reference: test.reference });
        }
        await repo.setConclusion(tx, tenantId, testId, body.conclusion, body.notes);
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'soc2_test.concluded',
          subjectType: 'soc2_test',
          subjectId: testId,
          before: { previousConclusion: test.conclusion },
          after: { examinationReference: ex.reference, testReference: test.reference, conclusion: body.conclusion, notes: body.notes },
        });
      });
      return view(grant, tenantId, examinationId, testId);
    },

    /**
     * Type II: per test, whether its latest population and the organization's evidence linked to its
     * control cover every occurrence of the period the control's frequency promises. One statement
     * reads the tests, their latest population and the evidence dates; the population's dates come
     * from its stored index. The read of the organization's evidence is logged in both tenants.
     */
    async coverage(actor: TActor | null, tenantId: string, examinationId: string, ctx: TRequestContext): Promise<TSoc2Coverage> {
      const grant = await p.authz.assert(actor, 'soc2Program.read', { tenantId });
      const ex = await examinationOf(p.db, tenantId, examinationId);
      if (ex.report_type !== 'type2') return { examinationId, period: { start: ex.as_of_date!, end: ex.as_of_date! }, applicable: false, tests: [] };
      const period = { start: ex.period_start!, end: ex.period_end! };
      const access = await programEngagementAccess(p.db, actor, grant, ex);
      const rows = await p.db.transaction().execute(async (tx) => {
        await recordProgramRead(tx, access, ctx, 'evidence', null);
        const { rows } = await sql<{ id: string; reference: string; control_id: string; control_ref: string; frequency: TSoc2Coverage['tests'][number]['frequency']; index_sha256: string | null; evidence_dates: string[] | string | null }>`
          SELECT t.id, t.reference, t.control_id, t.control_ref, t.frequency, pop.index_sha256,
            (SELECT array_agg(e.effective_date::text ORDER BY e.effective_date)
               FROM evidence e JOIN evidence_controls ec ON ec.tenant_id = e.tenant_id AND ec.evidence_id = e.id
              WHERE e.tenant_id = ${ex.organization_tenant_id} AND ec.control_id = t.control_id AND e.superseded_by_id IS NULL
                AND e.status IN ('submitted','accepted','expired')) AS evidence_dates
          FROM soc2_tests t
          LEFT JOIN LATERAL (
            SELECT p.index_sha256 FROM soc2_populations p WHERE p.tenant_id = t.tenant_id AND p.test_id = t.id ORDER BY p.imported_at DESC, p.id DESC LIMIT 1
          ) pop ON true
          WHERE t.tenant_id = ${tenantId} AND t.examination_id = ${examinationId}
          ORDER BY t.reference`.execute(tx);
        return rows;
      });
      const tests = [];
      for (const r of rows) {
        const dates = r.evidence_dates === null ? [] : typeof r.evidence_dates === 'string' ? r.evidence_dates.replace(/[{}]/g, '').split(',').filter(Boolean) : r.evidence_dates;
        const population = r.index_sha256 ? coverageOf(periodCoverage(r.frequency, period, (await loadIndex(p.blobs, r.index_sha256)).index.dates)) : null;
        tests.push({ testId: r.id, reference: r.reference, controlId: r.control_id, controlRef: r.control_ref, frequency: r.frequency, population, evidence: coverageOf(periodCoverage(r.frequency, period, dates)) });
      }
      return { examinationId, period, applicable: true, tests };
    },
  };
}
