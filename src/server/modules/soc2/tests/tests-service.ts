import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import { recordAudit, onlyChanged, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TSoc2Test, TSoc2TestInput, TSoc2TestUpdate } from '../../../../shared/contracts/soc2-program.ts';
import { TEST_STATES, programExamination } from '../matrix/examination-row.ts';
import { acceptedLinkOf, matrixRows, problemsOf } from '../matrix/matrix-repo.ts';
import { fieldworkReady } from '../matrix/matrix-rules.ts';
import { assertState } from '../matrix/matrix-service.ts';
import * as repo from './tests-repo.ts';

/*
 * Test procedures on the organization's controls (inquiry, observation, inspection, re-performance),
 * numbered `T-<control ref>-NN` per examination, and the planning → fieldwork transition, refused
 * while a criterion has no accepted control or an accepted control has no test.
 */

export type TTestsDeps = Pick<TPlatform, 'db' | 'authz'>;

const userIdOf = (actor: TActor | null) => (actor?.type === 'user' ? actor.userId : null);
const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export const testDto = (r: repo.TTestRow): TSoc2Test => ({
  id: r.id,
  examinationId: r.examination_id,
  reference: r.reference,
  controlId: r.control_id,
  controlRef: r.control_ref,
  controlTitle: r.control_title,
  methods: r.methods,
  procedure: r.procedure,
  evidenceRequested: r.evidence_requested,
  frequency: r.frequency,
  risk: r.risk,
  priorFailure: r.prior_failure,
  conclusion: r.conclusion,
  carriedFromTestId: r.carried_from_test_id,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

const auditView = (r: repo.TTestRow) => ({
  reference: r.reference,
  controlRef: r.control_ref,
  methods: r.methods,
  procedure: r.procedure,
  evidenceRequested: r.evidence_requested,
  frequency: r.frequency,
  risk: r.risk,
  priorFailure: r.prior_failure,
});

export function createTestsService(p: TTestsDeps) {
  async function changeable(tx: Parameters<typeof programExamination>[0], tenantId: string, examinationId: string) {
    const ex = await programExamination(tx, tenantId, examinationId, true);
    if (!ex) throw notFound('Examination');
    assertState(ex, TEST_STATES);
    return ex;
  }

  return {
    async list(actor: TActor | null, tenantId: string, examinationId: string) {
      const grant = await p.authz.assert(actor, 'soc2Program.read', { tenantId });
      const ex = await programExamination(p.db, tenantId, examinationId);
      if (!ex) throw notFound('Examination');
      const rows = await repo.listTests(p.db, tenantId, examinationId);
      return { items: rows.map(testDto), abilities: p.authz.abilities(grant, 'soc2Program', {}) };
    },

    async create(actor: TActor | null, tenantId: string, examinationId: string, input: TSoc2TestInput, ctx: TRequestContext): Promise<TSoc2Test> {
      await p.authz.assert(actor, 'soc2Program.write', { tenantId });
      return p.db.transaction().execute(async (tx) => {
        const ex = await changeable(tx, tenantId, examinationId);
        const link = await acceptedLinkOf(tx, tenantId, examinationId, input.controlId);
        if (!link)
          throw new AppError(400, 'soc2_control_not_in_matrix', 'Link the control to a criterion in the matrix before adding a test.', [
            { field: 'controlId', issue: 'invalid', message: 'Not a control of the matrix.' },
          ]);
        const row = await repo.insertTest(tx, { tenantId, examinationId, controlId: input.controlId, controlRef: link.control_ref, controlTitle: link.control_title, userId: userIdOf(actor), input });
        await recordAudit(tx, actor, ctx, { tenantId, action: 'soc2_test.created', subjectType: 'soc2_test', subjectId: row.id, after: { ...auditView(row), examinationReference: ex.reference } });
        return testDto(row);
      });
    },

    async update(actor: TActor | null, tenantId: string, examinationId: string, testId: string, input: TSoc2TestUpdate, ctx: TRequestContext): Promise<TSoc2Test> {
      await p.authz.assert(actor, 'soc2Program.write', { tenantId });
      return p.db.transaction().execute(async (tx) => {
        const ex = await changeable(tx, tenantId, examinationId);
        const before = await repo.getTest(tx, tenantId, examinationId, testId);
        if (!before) throw notFound('Test');
        const row = await repo.updateTest(tx, tenantId, testId, input);
        const changed = onlyChanged(auditView(before), auditView(row));
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'soc2_test.updated',
          subjectType: 'soc2_test',
          subjectId: row.id,
          before: changed.before ?? {},
          after: { ...(changed.after ?? {}), reference: row.reference, examinationReference: ex.reference },
        });
        return testDto(row);
      });
    },

    async remove(actor: TActor | null, tenantId: string, examinationId: string, testId: string, ctx: TRequestContext): Promise<void> {
      await p.authz.assert(actor, 'soc2Program.write', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const ex = await changeable(tx, tenantId, examinationId);
        const before = await repo.getTest(tx, tenantId, examinationId, testId);
        if (!before) throw notFound('Test');
        if (await repo.testHasPopulation(tx, tenantId, testId)) throw new AppError(409, 'soc2_test_has_population', 'A population was imported for this test: it is kept.');
        await repo.deleteTest(tx, tenantId, testId);
        await recordAudit(tx, actor, ctx, { tenantId, action: 'soc2_test.deleted', subjectType: 'soc2_test', subjectId: testId, before: { ...auditView(before), examinationReference: ex.reference } });
      });
    },

    /**
     * planning → fieldwork. Refused (400 `soc2_fieldwork_blocked`) while a criterion has no accepted
     * control or an accepted control has no test; the details list them and nothing changes.
     */
    async startFieldwork(actor: TActor | null, tenantId: string, examinationId: string, ctx: TRequestContext) {
      await p.authz.assert(actor, 'soc2Program.write', { tenantId });
      return p.db.transaction().execute(async (tx) => {
        const ex = await programExamination(tx, tenantId, examinationId, true);
        if (!ex) throw notFound('Examination');
        assertState(ex, ['planning']);
        const rows = await matrixRows(tx, tenantId, examinationId);
        const problems = problemsOf(rows);
        if (!fieldworkReady(problems))
          throw new AppError(400, 'soc2_fieldwork_blocked', 'Every applicable criterion needs an accepted control, and every accepted control a test, before fieldwork starts.', {
            uncovered: problems.uncoveredCriteria.length,
            untested: problems.untestedControls.length,
            uncoveredCriteria: problems.uncoveredCriteria,
            untestedControls: problems.untestedControls,
          });
        await tx.updateTable('soc2_examinations').set({ state: 'fieldwork', updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', examinationId).execute();
        const testCount = (await repo.listTests(tx, tenantId, examinationId)).length;
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'soc2_examination.fieldwork_started',
          subjectType: 'soc2_examination',
          subjectId: examinationId,
          after: { examinationReference: ex.reference, criteria: rows.filter((r) => r.ref).length, tests: testCount },
        });
        return { examinationId, state: 'fieldwork' as const };
      });
    },
  };
}
