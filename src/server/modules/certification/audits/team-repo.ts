import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TAuditTeamRole } from '../../../../shared/contracts/certification.ts';
import type { TLocale } from '../../../../shared/contracts/common.ts';

/* The team of an audit and its members' impartiality declarations; every query filtered by the body's tenant. */

export const teamMember = (db: Kysely<DB>, tenantId: string, auditId: string, userId: string) =>
  db
    .selectFrom('audit_team_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.role', sql<number>`m.planned_days::float8`.as('planned_days'), 'u.name'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.audit_id', '=', auditId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();

export async function upsertTeamMember(db: Kysely<DB>, tenantId: string, auditId: string, userId: string, role: TAuditTeamRole, plannedDays: number, assignedBy: string | null) {
  await db
    .insertInto('audit_team_members')
    .values({ tenant_id: tenantId, audit_id: auditId, user_id: userId, role, planned_days: plannedDays, assigned_by: assignedBy })
    .onConflict((oc) => oc.columns(['tenant_id', 'audit_id', 'user_id']).doUpdateSet({ role, planned_days: plannedDays, assigned_by: assignedBy }))
    .execute();
}

export const deleteTeamMember = (db: Kysely<DB>, tenantId: string, auditId: string, userId: string) =>
  db.deleteFrom('audit_team_members').where('tenant_id', '=', tenantId).where('audit_id', '=', auditId).where('user_id', '=', userId).execute();

export async function insertDeclaration(
  db: Kysely<DB>,
  tenantId: string,
  auditId: string,
  userId: string,
  d: { statementVersion: string; locale: TLocale; statement: string; ip: string | null; signedAt: Date },
) {
  const res = await db
    .insertInto('audit_impartiality_declarations')
    .values({ tenant_id: tenantId, audit_id: auditId, user_id: userId, statement_version: d.statementVersion, locale: d.locale, statement: d.statement, ip: d.ip, signed_at: d.signedAt })
    .onConflict((oc) => oc.columns(['tenant_id', 'audit_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export const deleteDeclaration = (db: Kysely<DB>, tenantId: string, auditId: string, userId: string) =>
  db.deleteFrom('audit_impartiality_declarations').where('tenant_id', '=', tenantId).where('audit_id', '=', auditId).where('user_id', '=', userId).execute();

/** Team members of the audit without a signed declaration. */
export async function undeclaredMembers(db: Kysely<DB>, tenantId: string, auditId: string) {
  const rows = await db
    .selectFrom('audit_team_members as m')
    .leftJoin('audit_impartiality_declarations as d', (j) => j.onRef('d.tenant_id', '=', 'm.tenant_id').onRef('d.audit_id', '=', 'm.audit_id').onRef('d.user_id', '=', 'm.user_id'))
    .select('m.user_id')
    .where('m.tenant_id', '=', tenantId)
    .where('m.audit_id', '=', auditId)
    .where('d.user_id', 'is', null)
    .execute();
  return rows.map((r) => r.user_id);
}

/** The statement version each team member signed, by person. */
export async function declarationVersions(db: Kysely<DB>, tenantId: string, auditId: string) {
  const rows = await db.selectFrom('audit_impartiality_declarations').select(['user_id', 'statement_version']).where('tenant_id', '=', tenantId).where('audit_id', '=', auditId).execute();
  return new Map(rows.map((r) => [r.user_id, r.statement_version]));
}
