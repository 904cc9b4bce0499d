import { todayOf } from '../../platform/clock/clock.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { AppError, badRequest, notFound } from '../../platform/errors/errors.ts';
import type { TAiListQuery, TAiSystem, TCreateAiSystemBody, TUpdateAiSystemBody } from '../../../shared/contracts/ai-systems.ts';
import { subjectHistory } from '../audit/subject-history.ts';
import { stageChange } from './ai-system-lifecycle.ts';
import * as repo from './ai-systems-repo.ts';
import { columnsOf, rowToAuditFields, toDto, toSummaryDto } from './ai-systems-mapping.ts';

type TDeps = Pick<TPlatform, 'db' | 'database' | 'authz' | 'clock' | 'pageCache'>;
type TFields = TCreateAiSystemBody | TUpdateAiSystemBody;

const encodeCursor = (value: unknown, id: string) => Buffer.from(JSON.stringify([value instanceof Date ? value.toISOString() : value, id])).toString('base64url');
function decodeCursor(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && /^[0-9a-f-]{36}$/.test(v[1])) return [v[0], v[1]];
  } catch {
    /* falls through to the refusal */
  }
  throw badRequest('The cursor is not the nextCursor of a previous page.', { field: 'cursor', issue: 'invalid' });
}

/** Owners must be members of the tenant when they are named (a later departure keeps the record). */
export async function assertOwnersAreMembers(db: Kysely<DB>, tenantId: string, body: TFields) {
  const named = (['businessOwnerId', 'technicalOwnerId'] as const).filter((k) => body[k]);
  const members = await repo.memberIds(db, tenantId, named.map((k) => body[k]!));
  const missing = named.find((k) => !members.has(body[k]!));
  if (missing) throw new AppError(400, 'ai_system_owner_not_member', 'The owner must be a member of this organization.', { field: missing });
}


export const bomRefTaken = (e: unknown) => (e as { code?: string; constraint?: string })?.code === '23505';
export const bomRefConflict = () => new AppError(409, 'bom_ref_taken', 'Another AI system of this organization already has this bom-ref.', { field: 'bomRef' });

export function createAiSystemsService(p: TDeps) {
  const dto = (row: repo.TAiSystemRow, grant: TTenantGrant): TAiSystem =>
    toDto(row, p.authz.abilities(grant, 'aiSystem', { lifecycleStage: row.lifecycle_stage }));

  async function readOne(db: Kysely<DB>, grant: TTenantGrant, id: string) {
    const row = await repo.getAiSystem(db, grant.tenantId, id);
    if (!row) throw notFound('AI system');
    return dto(row, grant);
  }

  return {
    async list(actor: TActor | null, tenantId: string, q: TAiListQuery) {
      const grant = await p.authz.assert(actor, 'aiSystem.read', { tenantId });
      return p.pageCache.remember(actor, tenantId, todayOf(p), `aiSystems.list:${JSON.stringify(q)}`, async () => {
        const page = await repo.listAiSystems(p.database, tenantId, q, q.cursor ? decodeCursor(q.cursor) : null);
        const last = page.rows.at(-1);
        const key = q.sort === 'name' ? last?.name_key : q.sort === 'updatedAt' ? last?.updated_at : last?.created_at;
        // Abilities depend on the stage only: computed once per stage, not once per row.
        const abilitiesOf = new Map<TAiSystem['lifecycleStage'], TAiSystem['abilities']>();
        const abilities = (stage: TAiSystem['lifecycleStage']) => {
          let a = abilitiesOf.get(stage);
          if (!a) abilitiesOf.set(stage, (a = p.authz.abilities(grant, 'aiSystem', { lifecycleStage: stage })));
          return a;
        };
        return { items: page.rows.map((r) => toSummaryDto(r, abilities(r.lifecycle_stage))), nextCursor: page.more && last ? encodeCursor(key, last.id) : null };
      });
    },

    async get(actor: TActor | null, tenantId: string, id: string) {
      const grant = await p.authz.assert(actor, 'aiSystem.read', { tenantId });
      return readOne(p.db, grant, id);
    },

    async history(actor: TActor | null, tenantId: string, id: string, q: { limit: number; cursor?: string | undefined }) {
      await p.authz.assert(actor, 'aiSystem.read', { tenantId });
      if (!(await repo.existIds(p.db, tenantId, [id])).size) throw notFound('AI system');
      return subjectHistory(p.db, tenantId, 'ai_system', id, q);
    },

    async create(actor: TActor | null, tenantId: string, body: TCreateAiSystemBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'aiSystem.create', { tenantId });
      const id = await p.db.transaction().execute(async (tx) => {
        await assertOwnersAreMembers(tx, tenantId, body);
        const now = p.clock.now();
        const row = await repo
          .insertAiSystem(tx, tenantId, {
            ...(columnsOf(body) as { name: string; lifecycle_stage: TAiSystem['lifecycleStage'] }),
            created_by: actor?.type === 'user' ? actor.userId : null,
            created_at: now,
            updated_at: now,
          })
          .catch((e) => {
            throw bomRefTaken(e) ? bomRefConflict() : e;
          });
        const created = await repo.getAiSystem(tx, tenantId, row.id);
        await recordAudit(tx, actor, ctx, { tenantId, action: 'ai_system.created', subjectType: 'ai_system', subjectId: row.id, after: rowToAuditFields(created!) });
        return row.id;
      });
      return readOne(p.db, grant, id);
    },

    /** A stage change follows the lifecycle; the event records only the fields that changed. */
    async update(actor: TActor | null, tenantId: string, id: string, body: TUpdateAiSystemBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'aiSystem.update', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const locked = await repo.lockAiSystem(tx, tenantId, id);
        if (!locked) throw notFound('AI system');
        p.authz.assertOn(grant, 'aiSystem.update', { lifecycleStage: locked.lifecycle_stage });
        if (body.lifecycleStage) stageChange(locked.lifecycle_stage, body.lifecycleStage);
        const merged = { personalData: locked.personal_data, specialCategoryData: locked.special_category_data, ...body };
        if (merged.specialCategoryData && !merged.personalData) throw badRequest('Special-category data is personal data.', { field: 'personalData', issue: 'invalid' });
        await assertOwnersAreMembers(tx, tenantId, body);
        const before = rowToAuditFields(locked);
        await repo.updateAiSystem(tx, tenantId, id, { ...columnsOf(body), updated_at: p.clock.now() }).catch((e) => {
          throw bomRefTaken(e) ? bomRefConflict() : e;
        });
        const after = rowToAuditFields((await repo.lockAiSystem(tx, tenantId, id))!);
        await recordAudit(tx, actor, ctx, { tenantId, action: 'ai_system.updated', subjectType: 'ai_system', subjectId: id, before, after });
      });
      return readOne(p.db, grant, id);
    },
  };
}
