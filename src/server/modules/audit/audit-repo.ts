import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TAuditQuery, TSecurityEventsQuery } from '../../../shared/contracts/audit.ts';

/* Reads of one tenant's audit log (writes go through platform/audit-log, in the change's transaction). */

/** Events with the actor's display name: one join, no query per row. */
const withActorName = (db: Kysely<DB>) =>
  db.selectFrom('audit_events as e').leftJoin('users as u', 'u.id', 'e.actor_id').selectAll('e').select('u.name as actor_name');

/** Newest first, keyset-paginated on seq: page N costs the same as page 1. */
export async function listAuditEvents(db: Kysely<DB>, tenantId: string, q: TAuditQuery) {
  let query = withActorName(db).where('e.tenant_id', '=', tenantId);
  if (q.cursor) query = query.where('e.seq', '<', Number(q.cursor));
  if (q.action) query = query.where('e.action', '=', q.action);
  if (q.subjectType) query = query.where('e.subject_type', '=', q.subjectType);
  if (q.subjectId) query = query.where('e.subject_id', '=', q.subjectId);
  if (q.actorId) query = query.where('e.actor_id', '=', q.actorId);
  if (q.from) query = query.where('e.occurred_at', '>=', new Date(q.from));
  if (q.to) query = query.where('e.occurred_at', '<', new Date(q.to));
  const rows = await query.orderBy('e.seq', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  return { items: page, nextCursor: rows.length > q.limit ? String(page.at(-1)!.seq) : null };
}

export const getAuditEvent = (db: Kysely<DB>, tenantId: string, eventId: string) =>
  withActorName(db).where('e.tenant_id', '=', tenantId).where('e.id', '=', eventId).executeTakeFirst();

/**
 * A user's own security events across the chains that hold them (their sign-in chain and the
 * platform chain), newest first. The chains' seqs are unrelated, so the keyset is (time, id).
 */
export async function listSecurityEvents(db: Kysely<DB>, chains: string[], userId: string, actions: readonly string[], q: TSecurityEventsQuery) {
  let query = withActorName(db)
    .where('e.tenant_id', 'in', chains)
    .where('e.action', 'in', [...actions])
    .where((eb) => eb.or([eb('e.actor_id', '=', userId), eb.and([eb('e.subject_type', '=', 'user'), eb('e.subject_id', '=', userId)])]));
  if (q.cursor) {
    const [at, id] = q.cursor.split('|') as [string, string];
    query = query.where((eb) => eb.or([eb('e.occurred_at', '<', new Date(at)), eb.and([eb('e.occurred_at', '=', new Date(at)), eb('e.id', '<', id)])]));
  }
  const rows = await query.orderBy('e.occurred_at', 'desc').orderBy('e.id', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > q.limit && last ? `${new Date(last.occurred_at).toISOString()}|${last.id}` : null };
}
