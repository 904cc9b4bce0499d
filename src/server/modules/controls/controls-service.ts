import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { AppError, badRequest, notFound } from '../../platform/errors/errors.ts';
import type { TControl, TControlListQuery, TControlStatus, TCreateControlInput, TUpdateControlBody } from '../../../shared/contracts/controls.ts';
import { ZCreateControlBody } from '../../../shared/contracts/controls.ts';
import { resolveRequirementRefs } from '../catalog/catalog-repo.ts';
import { subjectHistory } from '../audit/subject-history.ts';
import { retiredPatchRefusal, statusChange } from './control-lifecycle.ts';
import { columnsOf, readerLocale, rowToAuditFields, toDto, toSummaryDto } from './controls-dto.ts';
import * as repo from './controls-repo.ts';

type TDeps = Pick<TPlatform, 'db' | 'database' | 'authz' | 'clock'>;

const encodeCursor = (keys: unknown[], id: string) => Buffer.from(JSON.stringify([...keys.map((k) => (k instanceof Date ? k.toISOString() : k)), id])).toString('base64url');

/** The keys of a previous page's last row, checked against the sort's key types (anything else is refused). */
function decodeCursor(cursor: string, sort: TControlListQuery['sort']): { keys: (string | number | Date)[]; id: string } {
  const types = { reference: ['string'], title: ['string', 'string'], status: ['number', 'string'], updatedAt: ['date'] }[sort];
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === types.length + 1 && typeof v.at(-1) === 'string' && /^[0-9a-f-]{36}$/.test(v.at(-1) as string)) {
      const keys = types.map((t, i) => {
        const k = v[i];
        if (t === 'number' && Number.isInteger(k)) return k as number;
        if (t === 'string' && typeof k === 'string') return k;
        if (t === 'date' && typeof k === 'string' && !Number.isNaN(Date.parse(k))) return new Date(k);
        throw new Error('bad key');
      });
      return { keys, id: v.at(-1) as string };
    }
  } catch {
    /* falls through to the refusal */
  }
  throw badRequest('The cursor is not the nextCursor of a previous page.', { field: 'cursor', issue: 'invalid' });
}

const lastKeys = (r: repo.TControlSummaryRow, sort: TControlListQuery['sort']) =>
  ({ reference: [r.k_ref], title: [r.k_title, r.k_ref], status: [r.k_status, r.k_ref], updatedAt: [r.updated_at] })[sort];

export const referenceTaken = (e: unknown) => (e as { code?: string })?.code === '23505';
export const referenceConflict = () => new AppError(409, 'control_reference_taken', 'Another control of this organization already has this reference.', { field: 'reference' });

/** The owner must be a member of the organization when one is named (a later departure keeps the record). */
async function assertOwnerIsMember(db: Kysely<DB>, tenantId: string, ownerId: string | null | undefined) {
  if (!ownerId) return;
  if (!(await repo.memberIds(db, tenantId, [ownerId])).has(ownerId)) {
    throw new AppError(400, 'control_owner_not_member', 'The owner must be a member of this organization.', [{ field: 'ownerId', issue: 'invalid', message: 'Not a member of this organization.' }]);
  }
}

/** Requirements named in a body: the current version of each, among the frameworks this tenant may see. */
async function resolveRequirements(db: Kysely<DB>, tenantId: string, links: readonly { frameworkId: string; ref: string }[]) {
  const key = (f: string, r: string) => `${f}\u0000${r}`;
  const unique = [...new Map(links.map((l) => [key(l.frameworkId, l.ref), l])).values()];
  const rows = await resolveRequirementRefs(db, { tenantIds: [tenantId] }, unique);
  const known = new Set(rows.map((r) => key(r.framework_id, r.ref)));
  const bad = links.flatMap((l, i) => (known.has(key(l.frameworkId, l.ref)) ? [] : [{ field: `requirements.${i}.ref`, issue: 'invalid', message: `${l.frameworkId} ${l.ref} is not in the catalog.` }]));
  if (bad.length) throw new AppError(400, 'control_requirement_unknown', 'A linked requirement is not in the catalog.', bad);
  return rows;
}

export function createControlsCoreService(p: TDeps) {
  const abilities = (grant: TTenantGrant, status: TControlStatus) => p.authz.abilities(grant, 'control', { status });

  async function readOne(db: Kysely<DB>, actor: TActor | null, grant: TTenantGrant, id: string): Promise<TControl> {
    const row = await repo.getControl(db, grant.tenantId, id, readerLocale(actor));
    if (!row) throw notFound('Control');
    return toDto(row, abilities(grant, row.status));
  }

  return {
    /** The control as its detail page shows it (for sibling services answering after a change). */
    readOne,

    async list(actor: TActor | null, tenantId: string, q: TControlListQuery) {
      const grant = await p.authz.assert(actor, 'control.read', { tenantId });
      if (q.ref && !q.frameworkId) throw badRequest('A requirement ref filters within a framework: send frameworkId too.', [{ field: 'ref', issue: 'invalid', message: 'Needs frameworkId.' }]);
      const page = await repo.listControls(p.database, tenantId, q, q.cursor ? decodeCursor(q.cursor, q.sort) : null);
      const last = page.rows.at(-1);
      // Abilities depend on the status only: computed once per status, not once per row.
      const byStatus = new Map<TControlStatus, TControl['abilities']>();
      const of = (s: TControlStatus) => byStatus.get(s) ?? byStatus.set(s, abilities(grant, s)).get(s)!;
      return { items: page.rows.map((r) => toSummaryDto(r, of(r.status))), nextCursor: page.more && last ? encodeCursor(lastKeys(last, q.sort), last.id) : null };
    },

    async get(actor: TActor | null, tenantId: string, id: string) {
      const grant = await p.authz.assert(actor, 'control.read', { tenantId });
      return readOne(p.db, actor, grant, id);
    },

    async history(actor: TActor | null, tenantId: string, id: string, q: { limit: number; cursor?: string | undefined }) {
      await p.authz.assert(actor, 'control.read', { tenantId });
      if (!(await repo.existIds(p.db, tenantId, [id])).size) throw notFound('Control');
      return subjectHistory(p.db, tenantId, 'control', id, q);
    },

    async create(actor: TActor | null, tenantId: string, input: TCreateControlInput, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'control.create', { tenantId });
      // Services called in-process (the demo seed) pass the input shape: the contract's defaults apply here too.
      const body = ZCreateControlBody.parse(input);
      const userId = actor?.type === 'user' ? actor.userId : null;
      const id = await p.db.transaction().execute(async (tx) => {
        await assertOwnerIsMember(tx, tenantId, body.ownerId);
        const requirements = await resolveRequirements(tx, tenantId, body.requirements);
        const now = p.clock.now();
        const { id } = await repo
          .insertControl(tx, tenantId, {
            reference: body.reference,
            title: body.title,
            description: body.description,
            owner_id: body.ownerId,
            frequency: body.frequency,
            automation: body.automation,
            status: body.status,
            library_ref: null,
            created_by: userId,
            created_at: now,
            updated_at: now,
          })
          .catch((e) => {
            throw referenceTaken(e) ? referenceConflict() : e;
          });
        await repo.insertLinks(
          tx,
          tenantId,
          id,
          requirements.map((r) => ({ framework_id: r.framework_id, framework_version: r.framework_version, ref: r.ref, origin: 'manual' as const, linked_by: userId, linked_at: now })),
        );
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'control.created',
          subjectType: 'control',
          subjectId: id,
          after: {
            reference: body.reference,
            title: body.title,
            description: body.description,
            ownerId: body.ownerId,
            frequency: body.frequency,
            automation: body.automation,
            status: body.status,
            requirements: requirements.map((r) => `${r.framework_id} ${r.ref}`),
          },
        });
        return id;
      });
      return readOne(p.db, actor, grant, id);
    },

    /** Only the fields sent change; the status follows the lifecycle; the event records what changed. */
    async update(actor: TActor | null, tenantId: string, id: string, body: TUpdateControlBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'control.update', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const locked = await repo.lockControl(tx, tenantId, id);
        if (!locked) throw notFound('Control');
        p.authz.assertOn(grant, 'control.update', { status: locked.status });
        const refusal = retiredPatchRefusal(locked.status, body);
        if (refusal) throw refusal;
        if (body.status) statusChange(locked.status, body.status);
        const before = rowToAuditFields(locked);
        // A form saved without a change writes nothing: no new "last change" date, no empty event.
        if (Object.entries(body).every(([k, v]) => v === undefined || before[k as keyof typeof before] === v)) return;
        await assertOwnerIsMember(tx, tenantId, body.ownerId);
        await repo.updateControl(tx, tenantId, id, { ...columnsOf(body), updated_at: p.clock.now() }).catch((e) => {
          throw referenceTaken(e) ? referenceConflict() : e;
        });
        const after = rowToAuditFields((await repo.lockControl(tx, tenantId, id))!);
        await recordAudit(tx, actor, ctx, { tenantId, action: 'control.updated', subjectType: 'control', subjectId: id, before, after });
      });
      return readOne(p.db, actor, grant, id);
    },
  };
}
