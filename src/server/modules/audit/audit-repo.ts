import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TAuditQuery } from './audit-schemas.ts';

/* Reads of one tenant's audit log (writes go through platform/audit-log, in the change's transaction). */

/** Newest first, keyset-paginated on seq: page N costs the same as page 1. */
export async function listAuditEvents(db: Kysely<DB>, tenantId: string, q: TAuditQuery) {
  let query = db.selectFrom('audit_events').selectAll().where('tenant_id', '=', tenantId);
  if (q.cursor) query = query.where('seq', '<', Number(q.cursor));
  if (q.action) query = query.where('action', '=', q.action);
  if (q.subjectType) query = query.where('subject_type', '=', q.subjectType);
  if (q.subjectId) query = query.where('subject_id', '=', q.subjectId);
  if (q.actorId) query = query.where('actor_id', '=', q.actorId);
  if (q.from) query = query.where('occurred_at', '>=', new Date(q.from));
  if (q.to) query = query.where('occurred_at', '<', new Date(q.to));
  const rows = await query.orderBy('seq', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  return { items: page, nextCursor: rows.length > q.limit ? String(page.at(-1)!.seq) : null };
}

export const getAuditEvent = (db: Kysely<DB>, tenantId: string, eventId: string) =>
  db.selectFrom('audit_events').selectAll().where('tenant_id', '=', tenantId).where('id', '=', eventId).executeTakeFirst();
