import { sql } from 'kysely';
import type { TPolicyActor } from './policy.ts';

/*
 * Four eyes: whoever drafted, wrote, submitted or uploaded a record does not approve or accept it.
 * The rule waives itself when the organization has one member: nobody else could ever approve,
 * and ISO/IEC 42001 asks for documented approval, not for a second person the organization does
 * not have. One rule for SoA versions, documents, evidence and the scope statement, so that they
 * cannot drift apart. An API token is nobody (no userId): it is never refused by this rule, and
 * the roles decide what it may do.
 */
export type TFourEyesSubject = { authorIds: readonly string[]; memberCount: number };

export const fourEyesRefuses = (actor: Pick<TPolicyActor, 'userId'>, s: TFourEyesSubject): boolean =>
  actor.userId !== null && s.memberCount > 1 && s.authorIds.includes(actor.userId);

/**
 * The organization's member count, read inside the statement that loads (and locks) the record,
 * so that the rule judges the membership of the same moment.
 */
export const memberCountOf = (tenantIdColumn: string) => sql<number>`(SELECT count(*)::int FROM memberships m WHERE m.tenant_id = ${sql.ref(tenantIdColumn)})`;
