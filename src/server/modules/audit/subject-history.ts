import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import * as repo from './audit-repo.ts';

/*
 * One record's history for its own module's detail page (an AI system, a risk): who changed what,
 * newest first, keyset on seq. The caller has asserted read access to the record; this answer
 * carries no IP address or user agent, which only audit readers see.
 */
export async function subjectHistory(db: Kysely<DB>, tenantId: string, subjectType: string, subjectId: string, q: { limit: number; cursor?: string | undefined }) {
  const page = await repo.listAuditEvents(db, tenantId, { limit: q.limit, cursor: q.cursor, subjectType, subjectId });
  return {
    items: page.items.map((r) => ({
      id: r.id,
      occurredAt: new Date(r.occurred_at).toISOString(),
      action: r.action,
      actorType: r.actor_type,
      actorName: r.actor_name,
      actorEmail: r.actor_email,
      summary: r.summary,
    })),
    nextCursor: page.nextCursor,
  };
}
