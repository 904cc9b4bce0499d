import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TSoc2LinkBody, TSoc2Matrix } from '../../../../shared/contracts/soc2-program.ts';
import { MATRIX_STATES, programExamination, type TProgramExamination } from './examination-row.ts';
import { programEngagementAccess, recordProgramRead } from './program-access.ts';
import * as repo from './matrix-repo.ts';

/*
 * The control matrix of an examination: each applicable criterion of `soc2-tsc-2017` (Security
 * always, plus the chosen categories) linked to the organization's own controls. The firm links
 * controls and accepts or rejects the suggestions drawn from the organization's mappings and the
 * catalog crosswalks; the matrix changes only before fieldwork.
 */

export type TMatrixDeps = Pick<TPlatform, 'db' | 'authz'>;

const userIdOf = (actor: TActor | null) => (actor?.type === 'user' ? actor.userId : null);

export function assertState(ex: { state: string }, allowed: readonly string[]) {
  if (!allowed.includes(ex.state))
    throw new AppError(409, 'soc2_examination_state', `The examination is ${ex.state}; this changes only while it is ${allowed.join(' or ')}.`, { state: ex.state, allowed });
}

export function createMatrixService(p: TMatrixDeps) {
  function toDto(grant: TTenantGrant, rows: repo.TMatrixRow[]): TSoc2Matrix {
    const first = rows[0]!;
    const problems = repo.problemsOf(rows);
    const untested = new Set(problems.untestedControls.map((u) => u.criterionRef));
    const uncovered = new Set(problems.uncoveredCriteria);
    return {
      examinationId: first.examination_id,
      state: first.state,
      categories: first.categories,
      rows: rows
        .filter((r) => r.ref)
        .map((r) => ({
          criterionRef: r.ref!,
          title: r.title ?? { en: r.ref!, fr: r.ref! },
          category: r.category,
          controls: r.controls,
          uncovered: uncovered.has(r.ref!),
          untested: untested.has(r.ref!),
        })),
      uncoveredCriteria: problems.uncoveredCriteria,
      abilities: p.authz.abilities(grant, 'soc2Program', {}),
    };
  }

  async function view(grant: TTenantGrant, examinationId: string) {
    const rows = await repo.matrixRows(p.db, grant.tenantId, examinationId);
    if (!rows.length) throw notFound('Examination');
    return toDto(grant, rows);
  }

  async function loadForChange(tx: Parameters<typeof programExamination>[0], tenantId: string, examinationId: string): Promise<TProgramExamination> {
    const ex = await programExamination(tx, tenantId, examinationId, true);
    if (!ex) throw notFound('Examination');
    assertState(ex, MATRIX_STATES);
    return ex;
  }

  return {
    /** The matrix in one statement: criteria, their controls with test counts, the uncovered flags. */
    async get(actor: TActor | null, tenantId: string, examinationId: string): Promise<TSoc2Matrix> {
      const grant = await p.authz.assert(actor, 'soc2Program.read', { tenantId });
      return view(grant, examinationId);
    },

    /** The organization's controls the firm may link, read through the engagement (logged in both tenants). */
    async candidates(actor: TActor | null, tenantId: string, examinationId: string, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'soc2Program.write', { tenantId });
      const ex = await programExamination(p.db, tenantId, examinationId);
      if (!ex) throw notFound('Examination');
      const access = await programEngagementAccess(p.db, actor, grant, ex);
      const items = await repo.orgControls(p.db, ex.organization_tenant_id);
      await p.db.transaction().execute((tx) => recordProgramRead(tx, access, ctx, 'controls'));
      return { items: items.map((c) => ({ id: c.id, reference: c.reference, title: c.title, status: c.status })) };
    },

    /** Links a control to a criterion, or accepts a suggested link (ref and title copied again). */
    async link(actor: TActor | null, tenantId: string, examinationId: string, body: TSoc2LinkBody, ctx: TRequestContext): Promise<TSoc2Matrix> {
      const grant = await p.authz.assert(actor, 'soc2Program.write', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const ex = await loadForChange(tx, tenantId, examinationId);
        const access = await programEngagementAccess(tx, actor, grant, ex);
        if (!(await repo.isApplicableCriterion(tx, tenantId, examinationId, body.criterionRef)))
          throw new AppError(400, 'soc2_criterion_not_applicable', `${body.criterionRef} is not an applicable criterion of this examination.`, [
            { field: 'criterionRef', issue: 'invalid', message: 'Not an applicable criterion of this examination.' },
          ]);
        const control = await repo.orgControl(tx, ex.organization_tenant_id, body.controlId);
        if (!control)
          throw new AppError(400, 'soc2_control_unknown', 'Not one of the organization’s controls.', [{ field: 'controlId', issue: 'invalid', message: 'Not one of the organization’s controls.' }]);
        const before = await repo.link(tx, tenantId, examinationId, body.criterionRef, body.controlId);
        await recordProgramRead(tx, access, ctx, 'controls', control.id);
        await repo.upsertLink(tx, { tenantId, examinationId, criterionRef: body.criterionRef, controlId: control.id, controlRef: control.reference, controlTitle: control.title, userId: userIdOf(actor) });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'soc2_matrix.linked',
          subjectType: 'soc2_examination',
          subjectId: examinationId,
          after: { examinationReference: ex.reference, criterionRef: body.criterionRef, controlRef: control.reference, controlTitle: control.title, accepted: !!before?.suggested },
        });
      });
      return view(grant, examinationId);
    },

    /** Removes a link, or rejects a suggestion. */
    async unlink(actor: TActor | null, tenantId: string, examinationId: string, body: TSoc2LinkBody, ctx: TRequestContext): Promise<TSoc2Matrix> {
      const grant = await p.authz.assert(actor, 'soc2Program.write', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const ex = await loadForChange(tx, tenantId, examinationId);
        const before = await repo.link(tx, tenantId, examinationId, body.criterionRef, body.controlId);
        if (!before) throw notFound('Link');
        await repo.deleteLink(tx, tenantId, examinationId, body.criterionRef, body.controlId);
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'soc2_matrix.unlinked',
          subjectType: 'soc2_examination',
          subjectId: examinationId,
          before: { examinationReference: ex.reference, criterionRef: before.criterion_ref, controlRef: before.control_ref, suggested: before.suggested },
        });
      });
      return view(grant, examinationId);
    },

    /** Proposes links from the organization's mappings and the crosswalks; each stays `suggested` until accepted. */
    async suggest(actor: TActor | null, tenantId: string, examinationId: string, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'soc2Program.write', { tenantId });
      const added = await p.db.transaction().execute(async (tx) => {
        const ex = await loadForChange(tx, tenantId, examinationId);
        const access = await programEngagementAccess(tx, actor, grant, ex);
        await recordProgramRead(tx, access, ctx, 'controls');
        const n = await repo.insertSuggestions(tx, tenantId, examinationId, userIdOf(actor));
        await recordAudit(tx, actor, ctx, { tenantId, action: 'soc2_matrix.suggested', subjectType: 'soc2_examination', subjectId: examinationId, after: { examinationReference: ex.reference, count: n } });
        return n;
      });
      return { added, matrix: await view(grant, examinationId) };
    },
  };
}
