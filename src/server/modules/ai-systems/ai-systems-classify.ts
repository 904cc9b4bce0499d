import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { AppError, conflict, notFound } from '../../platform/errors/errors.ts';
import type { TAiClassification, TAiOrgRole, TClassifyBody, TQuestionnaire } from '../../../shared/contracts/ai-systems.ts';
import { ZClassificationAnswers } from '../../../shared/contracts/ai-systems.ts';
import { aiActCatalog, type TActCatalog } from '../catalog/ai-act-catalog.ts';
import { classify, isAnnexIIIPoint, obligationsFor } from './classifier.ts';
import { sameRoles } from './ai-systems-mapping.ts';
import * as repo from './ai-systems-repo.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;
type TClassificationRow = Awaited<ReturnType<typeof repo.listClassifications>>[number];

const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * A classification version as read: its answers judged again against the catalog version that
 * judged them, for the roles it was made for; `rolesChanged` when the system's roles moved since.
 */
function toDto(row: TClassificationRow, currentRoles: TAiOrgRole[], catalog: TActCatalog): TAiClassification {
  const answers = ZClassificationAnswers.parse(row.answers);
  const result = { tier: row.tier, route: row.route, annexIIIRef: row.annex_iii_ref, reasons: row.reasons };
  const point = answers.annexIIIRef ? catalog.requirements.find((r) => r.ref === answers.annexIIIRef) : undefined;
  return {
    version: row.version,
    tier: row.tier,
    route: row.route,
    annexIIIRef: row.annex_iii_ref,
    classifiedAt: iso(row.classified_at),
    classifiedBy: row.classified_by ? { id: row.classified_by, name: row.classified_by_name ?? '' } : null,
    roles: row.roles,
    rolesChanged: !sameRoles(row.roles, currentRoles),
    answers,
    reasons: row.reasons.map((r) => ({ ...r, label: r.ref ? (catalog.requirements.find((q) => q.ref === r.ref)?.label ?? null) : null })),
    catalogVersion: row.catalog_version,
    annexIIIPoint: point ? { ref: point.ref, label: point.label ?? { en: point.ref, fr: point.ref }, title: point.title } : null,
    obligations: obligationsFor(result, answers, row.roles, catalog.requirements),
  };
}

export function createClassificationService(p: TDeps) {
  /** A version no longer stored (a hand-made row) is read against the current catalog rather than failing the page. */
  async function catalogOrFail(version?: string) {
    const catalog = (await aiActCatalog(p.db, version)) ?? (version ? await aiActCatalog(p.db) : null);
    if (!catalog) throw conflict('The EU AI Act catalog is not loaded: run `attest catalog check` and restart.');
    return catalog;
  }

  /** Every classification version of a system, newest first, each with the obligations of the roles it was made for. */
  async function list(actor: TActor | null, tenantId: string, id: string) {
    await p.authz.assert(actor, 'aiSystem.read', { tenantId });
    const facts = await repo.systemFacts(p.db, tenantId, [id]);
    if (!facts.length) throw notFound('AI system');
    const rows = await repo.listClassifications(p.db, tenantId, id);
    const items: TAiClassification[] = [];
    for (const row of rows) items.push(toDto(row, facts[0]!.roles, await catalogOrFail(row.catalog_version)));
    return { items };
  }

  return {
    list,

    /** The Annex III areas and points the questionnaire offers, from the current catalog. */
    async questionnaire(actor: TActor | null, tenantId: string): Promise<TQuestionnaire> {
      await p.authz.assert(actor, 'aiSystem.read', { tenantId });
      const catalog = await catalogOrFail();
      const annexIII = catalog.requirements
        .filter((r) => isAnnexIIIPoint(r.ref))
        .map((r) => ({ ref: r.ref, label: r.label ?? { en: r.ref, fr: r.ref }, title: r.title, parentRef: r.parentRef, isArea: !isAnnexIIIPoint(r.parentRef ?? '') }));
      return { catalogVersion: catalog.version, annexIII };
    },

    /** A new version: the previous ones stay, with who answered what. */
    async classify(actor: TActor | null, tenantId: string, id: string, body: TClassifyBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'aiSystem.classify', { tenantId });
      const catalog = await catalogOrFail();
      const ref = body.answers.annexIIIRef;
      if (ref && !(isAnnexIIIPoint(ref) && catalog.requirements.some((r) => r.ref === ref))) {
        throw new AppError(400, 'validation_failed', `answers.annexIIIRef: "${ref}" is not an Annex III area or point of the catalog.`, [
          { field: 'answers.annexIIIRef', issue: 'invalid_option', message: 'Choose an Annex III area or point of the catalog.' },
        ]);
      }
      const result = classify(body.answers);
      const version = await p.db.transaction().execute(async (tx) => {
        const system = await repo.lockAiSystem(tx, tenantId, id);
        if (!system) throw notFound('AI system');
        p.authz.assertOn(grant, 'aiSystem.classify', { lifecycleStage: system.lifecycle_stage });
        const before = system.current_classification_id ? (await repo.listClassifications(tx, tenantId, id))[0] : undefined;
        const row = await repo.insertClassification(tx, tenantId, id, {
          ai_system_id: id,
          answers: JSON.stringify(body.answers),
          tier: result.tier,
          route: result.route,
          annex_iii_ref: result.annexIIIRef,
          reasons: JSON.stringify(result.reasons),
          catalog_version: catalog.version,
          roles: system.roles,
          classified_by: actor?.type === 'user' ? actor.userId : null,
          classified_at: p.clock.now(),
        });
        await repo.updateAiSystem(tx, tenantId, id, { updated_at: p.clock.now() });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'ai_system.classified',
          subjectType: 'ai_system',
          subjectId: id,
          ...(before ? { before: { version: before.version, tier: before.tier, route: before.route, annexIIIRef: before.annex_iii_ref, roles: before.roles } } : {}),
          after: { version: row.version, tier: result.tier, route: result.route, annexIIIRef: result.annexIIIRef, roles: system.roles },
        });
        return row.version;
      });
      return (await list(actor, tenantId, id)).items.find((c) => c.version === version)!;
    },
  };
}
