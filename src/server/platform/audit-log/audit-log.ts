import { randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, TAuditEventRow } from '../../db/types.ts';
import { sha256Hex } from '../crypto/crypto.ts';
import type { TActor } from '../authz/actor.ts';
import type { TAuditAction } from '../../../shared/contracts/audit-actions.ts';
import { AUDIT_REGISTRY, type TAuditRegistry } from '../../audit-actions.ts';
import type { TAuditActionSchemas, TAuditPayloads } from './audit-registry.ts';

/** Events that belong to no tenant (sign-in, first-run set-up) chain under this id. */
export const PLATFORM_TENANT_ID = '00000000-0000-0000-0000-000000000000';
export const GENESIS_HASH = '0'.repeat(64);

export type TRequestContext = { requestId: string | null; ip: string | null; userAgent: string | null };

export { AUDIT_ACTIONS, type TAuditAction } from '../../../shared/contracts/audit-actions.ts';

/** Typed by action: the payloads must match the schemas the action's module declared. */
export type TAuditInput<A extends TAuditAction = TAuditAction> = {
  tenantId: string;
  action: A;
  subjectType: string;
  subjectId?: string | null;
  /** Overrides the actor (e.g. a failed sign-in names the e-mail that was tried). */
  actorEmail?: string | null;
} & TAuditPayloads<TAuditRegistry, A>;

/**
 * A field present on both sides with the same value did not change: it is left out, so an event
 * shows only what changed (a settings form re-sends every field).
 */
export function onlyChanged(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  if (!before || !after) return { before, after };
  const same = (k: string) => k in before && k in after && canonicalize(before[k]) === canonicalize(after[k]);
  const keep = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => !same(k)));
  return { before: keep(before), after: keep(after) };
}

function checkPayload(action: TAuditAction, side: 'before' | 'after', value: Record<string, unknown> | null) {
  if (value === null) return;
  const schema = (AUDIT_REGISTRY[action] as TAuditActionSchemas)[side];
  if (!schema) throw new Error(`Audit action ${action} declares no ${side} payload`);
  const res = schema.safeParse(value);
  if (!res.success) throw new Error(`Audit action ${action}: ${side} payload does not match its schema: ${res.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
}

type TChainFields = {
  tenantId: string;
  seq: number;
  id: string;
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  summary: unknown;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
};

/** hash = SHA-256(prevHash || RFC 8785 canonical JSON of the event). */
export function chainHash(prevHash: string, fields: TChainFields): string {
  return sha256Hex(prevHash + canonicalize(fields));
}

export function rowToChainFields(r: TAuditEventRow): TChainFields {
  return {
    tenantId: r.tenant_id,
    seq: Number(r.seq),
    id: r.id,
    occurredAt: new Date(r.occurred_at).toISOString(),
    actorType: r.actor_type,
    actorId: r.actor_id,
    actorEmail: r.actor_email,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    summary: r.summary,
    requestId: r.request_id,
    ip: r.ip,
    userAgent: r.user_agent,
  };
}

/**
 * Appends one event in the caller's transaction. The chain head row is locked so that concurrent
 * writers of the same tenant take turns; tenants do not block each other.
 */
export async function recordAudit<A extends TAuditAction>(
  tx: Transaction<DB>,
  actor: TActor | null,
  ctx: TRequestContext,
  input: TAuditInput<A>,
): Promise<void> {
  const { before, after } = onlyChanged(input.before ?? null, input.after ?? null);
  checkPayload(input.action, 'before', before);
  checkPayload(input.action, 'after', after);
  await sql`INSERT INTO audit_chain_heads (tenant_id, last_seq, last_hash)
            VALUES (${input.tenantId}, 0, ${GENESIS_HASH}) ON CONFLICT (tenant_id) DO NOTHING`.execute(tx);
  const head = await tx
    .selectFrom('audit_chain_heads')
    .select(['last_seq', 'last_hash'])
    .where('tenant_id', '=', input.tenantId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const fields: TChainFields = {
    tenantId: input.tenantId,
    seq: Number(head.last_seq) + 1,
    id: randomUUID(),
    occurredAt: new Date().toISOString(),
    actorType: actor?.type ?? 'system',
    actorId: actor ? (actor.type === 'user' ? actor.userId : actor.tokenId) : null,
    actorEmail: input.actorEmail ?? actor?.email ?? null,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId ?? null,
    summary: { before, after },
    requestId: ctx.requestId,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  };
  const hash = chainHash(head.last_hash, fields);
  await tx
    .insertInto('audit_events')
    .values({
      tenant_id: fields.tenantId,
      seq: fields.seq,
      id: fields.id,
      occurred_at: fields.occurredAt,
      actor_type: fields.actorType,
      actor_id: fields.actorId,
      actor_email: fields.actorEmail,
      action: fields.action,
      subject_type: fields.subjectType,
      subject_id: fields.subjectId,
      summary: JSON.stringify(fields.summary),
      request_id: fields.requestId,
      ip: fields.ip,
      user_agent: fields.userAgent,
      prev_hash: head.last_hash,
      hash,
    })
    .execute();
  await tx
    .updateTable('audit_chain_heads')
    .set({ last_seq: fields.seq, last_hash: hash })
    .where('tenant_id', '=', input.tenantId)
    .execute();
}

export type TVerifyResult = { ok: boolean; checked: number; firstBrokenSeq: number | null };

/**
 * Walks the chain in seq order, page by page, recomputing every hash. A removed event shows as a
 * gap in seq or a prev_hash that no longer links; an edited one as a hash mismatch. The head row
 * catches removal of the newest events.
 */
export async function verifyAuditChain(
  db: Kysely<DB>,
  tenantId: string,
  opts: { pageSize?: number; /** Filled with the hash found at each of these seqs (checkpoints). */ hashesAt?: Map<number, string> } = {},
): Promise<TVerifyResult> {
  const pageSize = opts.pageSize ?? 2000;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) return { ok: false, checked, firstBrokenSeq: expectedSeq };
      if (r.prev_hash !== prevHash || chainHash(prevHash, rowToChainFields(r)) !== r.hash) {
        return { ok: false, checked, firstBrokenSeq: seq };
      }
      if (opts.hashesAt?.has(seq)) opts.hashesAt.set(seq, r.hash);
      prevHash = r.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db
    .selectFrom('audit_chain_heads')
    .select(['last_seq', 'last_hash'])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  if (head && (Number(head.last_seq) !== checked || head.last_hash !== prevHash)) {
    return { ok: false, checked, firstBrokenSeq: checked + 1 };
  }
  return { ok: true, checked, firstBrokenSeq: null };
}
