import { sql, type Kysely } from 'kysely';

/*
 * "Forgot password" links. Only a keyed hash of the link's secret is stored, so a copy of the
 * database cannot be turned into working links; a link is used once (used_at) and expires.
 */
const statements = [
  `CREATE TABLE password_resets (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash text NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX password_resets_user_idx ON password_resets (user_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE password_resets').execute(db);
}
