import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../platform/errors/errors.ts';
import { ZCreateAiSystemBody, type TCreateAiSystemBody } from '../../../shared/contracts/ai-systems.ts';
import { stageChange } from './ai-system-lifecycle.ts';
import { columnsOf, rowToAuditFields, toDto } from './ai-systems-mapping.ts';
import { bomRefConflict, bomRefTaken } from './ai-systems-service.ts';
import * as repo from './ai-systems-repo.ts';
import { bomOf, componentToFields, idOfGeneratedBomRef, modelComponents } from './cyclonedx.ts';
import { BOM_SPEC_VERSIONS, bomSchemaError, type TBomSpecVersion } from './cyclonedx-schema.ts';
import { jsonDepthExceeds } from './cyclonedx.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;
export const BOM_MAX_BYTES = 2 * 1024 * 1024;
const MAX_DEPTH = 40;
const MAX_MODELS = 500;

const invalid = (path: string, reason: string) => new AppError(400, 'bom_invalid', `The CycloneDX file is refused: ${reason} (at ${path}).`, { path, reason });

/** Parsed, schema-valid, and each model mapped to checked inventory fields — or the first reason it is not. */
function readBom(body: Buffer) {
  const text = body.toString('utf8');
  if (!text.trim()) throw invalid('$', 'the file is empty');
  if (jsonDepthExceeds(text, MAX_DEPTH)) throw invalid('$', `JSON nested deeper than ${MAX_DEPTH} levels`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw invalid('$', `not JSON: ${(e as Error).message}`);
  }
  const d = doc as { bomFormat?: unknown; specVersion?: unknown };
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || d.bomFormat !== 'CycloneDX') throw invalid('$.bomFormat', 'not a CycloneDX BOM (bomFormat must be "CycloneDX")');
  if (!BOM_SPEC_VERSIONS.includes(d.specVersion as TBomSpecVersion)) throw invalid('$.specVersion', `specVersion must be one of ${BOM_SPEC_VERSIONS.join(', ')}`);
  const schemaError = bomSchemaError(doc, d.specVersion as TBomSpecVersion);
  if (schemaError) throw invalid(schemaError.path, schemaError.reason);
  const models = modelComponents(doc as Parameters<typeof modelComponents>[0]);
  if (!models.length) throw invalid('$.components', 'no machine-learning-model component');
  if (models.length > MAX_MODELS) throw invalid('$.components', `more than ${MAX_MODELS} models`);
  const seen = new Map<string, string>();
  return models.map(({ path, c }) => {
    const fields = componentToFields(c);
    const parsed = ZCreateAiSystemBody.safeParse({ lifecycleStage: 'design', ...fields });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw invalid(`${path} (${issue.path.join('.')})`, issue.message);
    }
    const ref = c['bom-ref'];
    if (ref) {
      if (seen.has(ref)) throw invalid(`${path}.bom-ref`, `bom-ref "${ref}" also names ${seen.get(ref)}`);
      seen.set(ref, path);
    }
    // An update changes only what the component says; the stage defaults only for a new system.
    const sent = Object.fromEntries(Object.entries(parsed.data).filter(([k]) => k in fields)) as Partial<TCreateAiSystemBody>;
    return { path, ref: ref ?? null, create: parsed.data, update: sent };
  });
}

export function createBomService(p: TDeps) {
  return {
    async export(actor: TActor | null, tenantId: string, id?: string) {
      const grant = await p.authz.assert(actor, 'aiSystem.read', { tenantId });
      const rows = id ? [await repo.getAiSystem(p.db, tenantId, id)] : await repo.allAiSystems(p.db, tenantId);
      if (rows.some((r) => !r)) throw notFound('AI system');
      const systems = rows.map((r) => toDto(r!, p.authz.abilities(grant, 'aiSystem', { lifecycleStage: r!.lifecycle_stage })));
      return bomOf(systems, p.clock.now());
    },

    /** All or nothing: every model is matched (bom-ref, then name) or created in one transaction. */
    async import(actor: TActor | null, tenantId: string, body: Buffer, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'aiSystem.create', { tenantId });
      p.authz.assertOn(grant, 'aiSystem.update', { lifecycleStage: 'design' });
      const models = readBom(body);
      return p.db.transaction().execute(async (tx) => {
        const refs = models.flatMap((m) => (m.ref ? [m.ref] : []));
        const byRef = new Map((await repo.findByBomRef(tx, tenantId, refs)).map((r) => [r.bom_ref!, r.id]));
        const generated = await repo.existIds(tx, tenantId, refs.map(idOfGeneratedBomRef).filter((x): x is string => Boolean(x)));
        const names = await repo.findByNames(tx, tenantId, models.map((m) => m.create.name.toLowerCase()));
        const items: { id: string; name: string; outcome: 'created' | 'updated' | 'unchanged' }[] = [];
        for (const m of models) {
          const genId = m.ref ? idOfGeneratedBomRef(m.ref) : null;
          let id = (m.ref && byRef.get(m.ref)) || (genId && generated.has(genId) ? genId : undefined);
          if (!id && !m.create.bomRef) {
            const same = names.filter((n) => n.name.toLowerCase() === m.create.name.toLowerCase());
            if (same.length > 1) throw new AppError(409, 'conflict', `Several AI systems are named "${m.create.name}": give the component a bom-ref.`, { path: m.path });
            id = same[0]?.id;
          }
          const now = p.clock.now();
          if (!id) {
            const row = await repo.insertAiSystem(tx, tenantId, { ...(columnsOf(m.create) as { name: string; lifecycle_stage: 'design' }), created_by: actor?.type === 'user' ? actor.userId : null, created_at: now, updated_at: now }).catch((e) => {
              throw bomRefTaken(e) ? bomRefConflict() : e;
            });
            const created = (await repo.lockAiSystem(tx, tenantId, row.id))!;
            await recordAudit(tx, actor, ctx, { tenantId, action: 'ai_system.created', subjectType: 'ai_system', subjectId: row.id, after: { ...rowToAuditFields(created), source: 'cyclonedx' } });
            items.push({ id: row.id, name: m.create.name, outcome: 'created' });
            continue;
          }
          const locked = (await repo.lockAiSystem(tx, tenantId, id))!;
          p.authz.assertOn(grant, 'aiSystem.update', { lifecycleStage: locked.lifecycle_stage });
          if (m.update.lifecycleStage) stageChange(locked.lifecycle_stage, m.update.lifecycleStage);
          const before = rowToAuditFields(locked);
          const changed = Object.entries(m.update).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k as keyof typeof before]));
          if (!changed.length) {
            items.push({ id, name: locked.name, outcome: 'unchanged' });
            continue;
          }
          await repo.updateAiSystem(tx, tenantId, id, { ...columnsOf(Object.fromEntries(changed)), updated_at: now }).catch((e) => {
            throw bomRefTaken(e) ? bomRefConflict() : e;
          });
          const after = rowToAuditFields((await repo.lockAiSystem(tx, tenantId, id))!);
          await recordAudit(tx, actor, ctx, { tenantId, action: 'ai_system.updated', subjectType: 'ai_system', subjectId: id, before, after: { ...after, source: 'cyclonedx' } });
          items.push({ id, name: after.name, outcome: 'updated' });
        }
        const count = (o: string) => items.filter((i) => i.outcome === o).length;
        return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), items };
      });
    },
  };
}
