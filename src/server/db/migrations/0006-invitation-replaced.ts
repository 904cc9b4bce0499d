import { sql, type Kysely } from 'kysely';

/* A replaced invitation is its own state, so its link can say "replaced" rather than "expired". */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE invitations ADD COLUMN replaced_at timestamptz, ADD COLUMN replaced_by uuid`.execute(db);
  await sql`CREATE INDEX invitations_pending_email_idx ON invitations (tenant_id, email) WHERE accepted_at IS NULL AND revoked_at IS NULL AND replaced_at IS NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX invitations_pending_email_idx`.execute(db);
  await sql`ALTER TABLE invitations DROP COLUMN replaced_at, DROP COLUMN replaced_by`.execute(db);
}
