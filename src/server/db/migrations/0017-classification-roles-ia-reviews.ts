import { sql, type Kysely } from 'kysely';

/*
 * Two gaps of issue 8.
 *
 * A classification version keeps the organization's roles it was made for: its obligations are
 * those of these roles, so changing the system's roles later flags the classification for
 * re-classification instead of silently changing what it says. Versions recorded before this
 * migration take the system's roles of today (the best knowledge available: no role change was
 * recorded against a classification until now).
 *
 * An impact assessment remembers the review date it last sent a reminder for, so the daily job
 * reminds once per due date; a new approved version with a new date arms it again.
 */
const statements = [
  `ALTER TABLE ai_system_classifications ADD COLUMN roles text[]`,
  `UPDATE ai_system_classifications c SET roles = a.roles FROM ai_systems a WHERE a.tenant_id = c.tenant_id AND a.id = c.ai_system_id`,
  `ALTER TABLE ai_system_classifications ALTER COLUMN roles SET NOT NULL`,
  `ALTER TABLE ai_system_classifications ADD CONSTRAINT ai_system_classifications_roles_check
     CHECK (roles <@ ARRAY['provider','deployer','importer','distributor','product_manufacturer']::text[])`,
  `ALTER TABLE impact_assessments ADD COLUMN review_reminded_for date`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE impact_assessments DROP COLUMN review_reminded_for`.execute(db);
  await sql`ALTER TABLE ai_system_classifications DROP COLUMN roles`.execute(db);
}
