import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TEngagementReadListQuery } from '../../../../shared/contracts/engagement-reads.ts';

/*
 * The organization's "who read what": its own audit chain, filtered on the engagement-read action.
 * Reads only; the events are written by engagement-access.ts in the read's transaction.
 */
export async function listEngagementReads(db: Kysely<DB>, organizationTenantId: string, q: TEngagementReadListQuery) {
  let query = db
    .selectFrom('audit_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.seq', 'e.id', 'e.occurred_at', 'e.actor_email', 'e.summary', 'u.name as actor_name'])
    .where('e.tenant_id', '=', organizationTenantId)
    .where('e.action', '=', 'engagement.aims_read');
  if (q.engagementId) query = query.where('e.subject_id', '=', q.engagementId);
  if (q.readerEmail) query = query.where(sql<string>`lower(e.actor_email)`, '=', q.readerEmail);
  if (q.resource) query = query.where(sql<string>`e.summary->'after'->>'resource'`, '=', q.resource);
  const seq = q.cursor && /^\d{1,18}$/.test(q.cursor) ? Number(q.cursor) : null;
  if (seq !== null) query = query.where('e.seq', '<', seq);
  const rows = await query.orderBy('e.seq', 'desc').limit(q.limit + 1).execute();
  const items = rows.slice(0, q.limit);
  return { items, nextCursor: rows.length > q.limit ? String(items.at(-1)!.seq) : null };
}
