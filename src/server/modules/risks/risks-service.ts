import { todayOf } from '../../platform/clock/clock.ts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../platform/authz/authz.ts';
import { onlyChanged, recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { AppError, badRequest, notFound } from '../../platform/errors/errors.ts';
import type { TCreateRiskInput, TRiskDetail, TRiskMatrixConfig, TScoreView, TUpdateRiskInput } from '../../../shared/contracts/risks.ts';
import { aiSystemIdsOfTenant } from '../ai-systems/ai-systems-lookup.ts';
import { resolveRequirementRefs } from '../catalog/catalog-repo.ts';
import { aboveThreshold, fitsMatrix, scoreOn } from './risk-matrix.ts';
import { inherentOf, residualOf, reviewOverdue, toAcceptance } from './risks-dto.ts';
import type { TRiskSubject } from './risks-policies.ts';
import { riskLifecycle } from './risk-lifecycle.ts';
import * as reads from './risks-read-repo.ts';
import * as repo from './risks-repo.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

/** The calendar day (UTC) the register reasons in: review dates, due dates, expiries. */
export { todayOf };

export function riskSubject(r: { status: TRiskSubject['status']; residual_score: number | null }, scoredOn: TRiskMatrixConfig, current: TRiskMatrixConfig): TRiskSubject {
  // The threshold belongs to the scale the risk was scored on; who may accept is today's rule.
  return { status: r.status, residualScore: r.residual_score, threshold: scoredOn.acceptanceThreshold, allowedRoles: current.acceptAboveThresholdRoles };
}

const offMatrix = (field: string, m: TRiskMatrixConfig) =>
  new AppError(400, 'risk_score_off_matrix', `${field} must be between 1 and ${field.endsWith('Likelihood') ? m.likelihood.length : m.impact.length} on the organization’s matrix.`, [
    { field, issue: 'too_big', limit: field.endsWith('Likelihood') ? m.likelihood.length : m.impact.length, message: 'Outside the matrix.' },
  ]);

function score(m: TRiskMatrixConfig, kind: 'inherent' | 'residual', likelihood: number, impact: number): TScoreView {
  if (!fitsMatrix(m, likelihood, 1)) throw offMatrix(`${kind}Likelihood`, m);
  if (!fitsMatrix(m, 1, impact)) throw offMatrix(`${kind}Impact`, m);
  return scoreOn(m, likelihood, impact);
}

/** Owners of the risk and of its actions must be members of the organization. */
async function checkMembers(tx: Kysely<DB>, tenantId: string, ownerId: string | null | undefined, plan: { ownerId: string | null }[] | undefined) {
  const wanted = [...new Set([ownerId ?? null, ...(plan ?? []).map((a) => a.ownerId)].filter((x): x is string => x !== null))];
  const found = await repo.membersAmong(tx, tenantId, wanted);
  const fields = [
    ...(ownerId && !found.has(ownerId) ? ['ownerId'] : []),
    ...(plan ?? []).flatMap((a, i) => (a.ownerId && !found.has(a.ownerId) ? [`treatmentPlan.${i}.ownerId`] : [])),
  ];
  if (fields.length) {
    throw new AppError(400, 'risk_member_unknown', 'An owner must be a member of this organization.', fields.map((field) => ({ field, issue: 'invalid', message: 'Not a member of this organization.' })));
  }
}

async function resolveRequirements(tx: Kysely<DB>, tenantId: string, links: { frameworkId: string; ref: string }[]) {
  const unique = [...new Map(links.map((l) => [`${l.frameworkId}\u0000${l.ref}`, l])).values()];
  const rows = await resolveRequirementRefs(tx, { tenantIds: [tenantId] }, unique);
  const known = new Set(rows.map((r) => `${r.framework_id}\u0000${r.ref}`));
  const missing = unique.filter((l) => !known.has(`${l.frameworkId}\u0000${l.ref}`));
  if (missing.length) {
    const gone = new Set(missing.map((l) => `${l.frameworkId}\u0000${l.ref}`));
    throw new AppError(
      400,
      'risk_requirement_unknown',
      `Not in the catalog: ${missing.map((m) => `${m.frameworkId} ${m.ref}`).join(', ')}.`,
      links.flatMap((l, i) => (gone.has(`${l.frameworkId}\u0000${l.ref}`) ? [{ field: `requirements.${i}.ref`, issue: 'invalid', message: `${l.frameworkId} ${l.ref} is not in the catalog.` }] : [])),
    );
  }
  return rows.map((r) => ({ framework_id: r.framework_id, framework_version: r.framework_version, ref: r.ref }));
}

/** Every id must be an AI system of this organization; another tenant's id is refused like an unknown one. */
async function checkAiSystems(tx: Kysely<DB>, tenantId: string, ids: readonly string[]) {
  const found = await aiSystemIdsOfTenant(tx, tenantId, ids);
  const bad = ids.flatMap((id, i) => (found.has(id) ? [] : [{ field: `aiSystemIds.${i}`, issue: 'invalid', message: 'Not an AI system of this organization.' }]));
  if (bad.length) throw new AppError(400, 'ai_system_unknown', 'An AI system is not one of this organization’s.', bad);
  return [...new Set(ids)].sort();
}

const planAudit = (plan: { id: string; title: string; owner_id: string | null; due_date: string | null; status: string }[]) =>
  plan.map((a) => ({ id: a.id, title: a.title, ownerId: a.owner_id, dueDate: a.due_date, status: a.status }));

export function createRisksService(p: TDeps) {
  /**
   * Writes a new risk in the caller's transaction. The register's POST uses it, and so may another
   * module creating a risk as part of its own change (an impact assessment's significant impact):
   * then `origin` names that record in the audit event.
   */
  async function insertInTx(tx: Transaction<DB>, grant: TTenantGrant, actor: TActor, input: TCreateRiskInput, ctx: TRequestContext, origin?: { type: string; id: string }) {
    const tenantId = grant.tenantId;
    const matrix = await repo.ensureMatrix(tx, tenantId);
    const inherent = score(matrix.config, 'inherent', input.inherentLikelihood, input.inherentImpact);
    const residual = input.residualLikelihood !== null && input.residualImpact !== null ? score(matrix.config, 'residual', input.residualLikelihood, input.residualImpact) : null;
    await checkMembers(tx, tenantId, input.ownerId, input.treatmentPlan);
    const aiSystemIds = await checkAiSystems(tx, tenantId, input.aiSystemIds);
    const requirements = await resolveRequirements(tx, tenantId, input.requirements);
    const { id } = await repo.insertRisk(tx, tenantId, {
      title: input.title,
      description: input.description,
      source: input.source,
      owner_id: input.ownerId,
      matrix_version: matrix.version,
      inherent_likelihood: inherent.likelihood,
      inherent_impact: inherent.impact,
      inherent_score: inherent.score,
      inherent_level: inherent.level,
      treatment: input.treatment,
      residual_likelihood: residual?.likelihood ?? null,
      residual_impact: residual?.impact ?? null,
      residual_score: residual?.score ?? null,
      residual_level: residual?.level ?? null,
      review_date: input.reviewDate,
      created_by: actor.type === 'user' ? actor.userId : null,
    });
    await repo.replaceActions(
      tx,
      tenantId,
      id,
      input.treatmentPlan.map((a) => ({ title: a.title, owner_id: a.ownerId, due_date: a.dueDate, status: a.status })),
    );
    await repo.replaceRequirementLinks(tx, tenantId, id, requirements);
    await repo.replaceAiSystemLinks(tx, tenantId, id, aiSystemIds);
    const plan = await repo.listActionsForUpdate(tx, tenantId, id);
    await recordAudit(tx, actor, ctx, {
      tenantId,
      action: 'risk.created',
      subjectType: 'risk',
      subjectId: id,
      after: {
        title: input.title,
        source: input.source,
        ownerId: input.ownerId,
        matrixVersion: matrix.version,
        inherent,
        treatment: input.treatment,
        residual,
        reviewDate: input.reviewDate,
        aiSystemIds,
        requirements: requirements.map((r) => `${r.framework_id} ${r.ref}`),
        treatmentPlan: planAudit(plan),
        ...(origin ? { origin } : {}),
      },
    });
    return id;
  }

  async function get(actor: TActor | null, tenantId: string, riskId: string, grantIn?: TTenantGrant): Promise<TRiskDetail> {
    const grant = grantIn ?? (await p.authz.assert(actor, 'risk.read', { tenantId }));
    const r = await reads.getRiskDetail(p.db, tenantId, riskId);
    if (!r) throw notFound('Risk');
    const today = todayOf(p);
    const residual = residualOf(r);
    const acceptances = r.acceptances.map(toAcceptance);
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      source: r.source,
      status: r.status,
      owner: r.owner,
      matrixVersion: r.matrix_version,
      matrixOutdated: r.matrix_version < r.current_version,
      inherent: inherentOf(r),
      residual,
      residualAboveThreshold: residual !== null && aboveThreshold(r.matrix_config, residual.score),
      treatment: r.treatment,
      treatmentPlan: r.actions.map((a) => ({
        id: a.id,
        title: a.title,
        owner: a.owner,
        dueDate: a.due_date,
        status: a.status,
        overdue: a.due_date !== null && a.due_date < today && (a.status === 'planned' || a.status === 'in_progress') && r.status !== 'closed',
      })),
      reviewDate: r.review_date,
      reviewOverdue: reviewOverdue(r, today),
      aiSystems: r.ai_systems,
      requirements: r.requirements.map((q) => ({ frameworkId: q.framework_id, frameworkVersion: q.framework_version, ref: q.ref, title: q.title })),
      openActions: r.actions.filter((a) => a.status === 'planned' || a.status === 'in_progress').length,
      overdueActions: r.actions.filter((a) => a.due_date !== null && a.due_date < today && (a.status === 'planned' || a.status === 'in_progress')).length,
      currentAcceptance: acceptances.find((a) => a.id === r.current_acceptance_id) ?? null,
      acceptances,
      createdAt: new Date(r.created_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
      abilities: p.authz.abilities(grant, 'risk', riskSubject(r, r.matrix_config, r.current_config)),
    };
  }

  return {
    get,

    async create(actor: TActor | null, tenantId: string, input: TCreateRiskInput, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'risk.create', { tenantId });
      const id = await p.db.transaction().execute((tx) => insertInTx(tx, grant, actor!, input, ctx));
      return get(actor, tenantId, id, grant);
    },

    /**
     * For another module's service, inside its own transaction: the actor must be allowed to
     * create risks here, and the risk and its audit event commit (or not) with the caller's change.
     */
    async createInTx(tx: Transaction<DB>, actor: TActor | null, tenantId: string, input: TCreateRiskInput, ctx: TRequestContext, origin?: { type: string; id: string }) {
      const grant = await p.authz.assert(actor, 'risk.create', { tenantId });
      return insertInTx(tx, grant, actor!, input, ctx, origin);
    },

    async update(actor: TActor | null, tenantId: string, riskId: string, input: TUpdateRiskInput, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'risk.update', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await repo.getRiskForUpdate(tx, tenantId, riskId);
        if (!row) throw notFound('Risk');
        const current = await repo.ensureMatrix(tx, tenantId);
        const scoredOn = row.matrix_version === current.version ? current : (await repo.getMatrix(tx, tenantId, row.matrix_version))!;
        p.authz.assertOn(grant, 'risk.update', riskSubject(row, scoredOn.config, current.config));
        const step = riskLifecycle.transition(row.status, 'edit', {});

        // Any score sent re-scores the risk on the matrix in force: both scores then move to it.
        const rescore = ['inherentLikelihood', 'inherentImpact', 'residualLikelihood', 'residualImpact'].some((k) => k in input);
        const m = rescore ? current : scoredOn;
        const inherent = rescore ? score(m.config, 'inherent', input.inherentLikelihood ?? row.inherent_likelihood, input.inherentImpact ?? row.inherent_impact) : inherentOf(row);
        const rl = input.residualLikelihood !== undefined ? input.residualLikelihood : row.residual_likelihood;
        const ri = input.residualImpact !== undefined ? input.residualImpact : row.residual_impact;
        if ((rl === null) !== (ri === null)) throw badRequest('Give both residual likelihood and impact, or neither.', [{ field: rl === null ? 'residualLikelihood' : 'residualImpact', issue: 'required', message: 'Required.' }]);
        const residual = rl !== null && ri !== null ? (rescore ? score(m.config, 'residual', rl, ri) : residualOf(row)) : null;

        await checkMembers(tx, tenantId, input.ownerId, input.treatmentPlan);
        const beforePlan = await repo.listActionsForUpdate(tx, tenantId, riskId);
        if (input.treatmentPlan) {
          const known = new Set(beforePlan.map((a) => a.id));
          const bad = input.treatmentPlan.flatMap((a, i) => (a.id && !known.has(a.id) ? [{ field: `treatmentPlan.${i}.id`, issue: 'invalid', message: 'Not an action of this risk.' }] : []));
          if (bad.length) throw badRequest('A treatment action named by id is not part of this risk’s plan.', bad);
        }
        const beforeLinks = await repo.listRequirementLinks(tx, tenantId, riskId);
        const links = input.requirements ? await resolveRequirements(tx, tenantId, input.requirements) : null;
        const beforeSystems = await repo.listAiSystemLinks(tx, tenantId, riskId);
        const systems = input.aiSystemIds ? await checkAiSystems(tx, tenantId, input.aiSystemIds) : null;

        await repo.updateRisk(tx, tenantId, riskId, {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.source !== undefined ? { source: input.source } : {}),
          ...(input.ownerId !== undefined ? { owner_id: input.ownerId } : {}),
          ...(input.treatment !== undefined ? { treatment: input.treatment } : {}),
          ...(input.reviewDate !== undefined ? { review_date: input.reviewDate } : {}),
          matrix_version: m.version,
          inherent_likelihood: inherent.likelihood,
          inherent_impact: inherent.impact,
          inherent_score: inherent.score,
          inherent_level: inherent.level,
          residual_likelihood: residual?.likelihood ?? null,
          residual_impact: residual?.impact ?? null,
          residual_score: residual?.score ?? null,
          residual_level: residual?.level ?? null,
        });
        if (input.treatmentPlan) {
          await repo.replaceActions(
            tx,
            tenantId,
            riskId,
            input.treatmentPlan.map((a) => ({ id: a.id, title: a.title, owner_id: a.ownerId, due_date: a.dueDate, status: a.status })),
          );
        }
        if (links) await repo.replaceRequirementLinks(tx, tenantId, riskId, links);
        if (systems) await repo.replaceAiSystemLinks(tx, tenantId, riskId, systems);
        const afterPlan = input.treatmentPlan ? await repo.listActionsForUpdate(tx, tenantId, riskId) : beforePlan;

        const refs = (l: { framework_id: string; ref: string }[]) => l.map((x) => `${x.framework_id} ${x.ref}`).sort();
        const diff = onlyChanged(
          {
            title: row.title,
            description: row.description,
            source: row.source,
            ownerId: row.owner_id,
            matrixVersion: row.matrix_version,
            inherent: inherentOf(row),
            treatment: row.treatment,
            residual: residualOf(row),
            reviewDate: row.review_date,
            requirements: refs(beforeLinks),
            aiSystemIds: beforeSystems,
            treatmentPlan: planAudit(beforePlan),
          },
          {
            title: input.title ?? row.title,
            description: input.description ?? row.description,
            source: input.source ?? row.source,
            ownerId: input.ownerId !== undefined ? input.ownerId : row.owner_id,
            matrixVersion: m.version,
            inherent,
            treatment: input.treatment !== undefined ? input.treatment : row.treatment,
            residual,
            reviewDate: input.reviewDate !== undefined ? input.reviewDate : row.review_date,
            requirements: links ? refs(links) : refs(beforeLinks),
            aiSystemIds: systems ?? beforeSystems,
            treatmentPlan: planAudit(afterPlan),
          },
        );
        await recordAudit(tx, actor, ctx, { tenantId, action: step.audit!, subjectType: 'risk', subjectId: riskId, before: diff.before, after: diff.after });
      });
      return get(actor, tenantId, riskId, grant);
    },
  };
}
export type TRisksService = ReturnType<typeof createRisksService>;
