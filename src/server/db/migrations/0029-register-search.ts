import { sql, type Kysely } from 'kysely';

/*
 * The public register searches certificate numbers by prefix, case-insensitively (people type
 * "aims-2026" for AIMS-2026-00042). The unique index of 0025 on (number) serves the exact lookup
 * but not a LIKE prefix under a non-C collation; text_pattern_ops on upper(number) does, over the
 * current revisions only, like the holder-name index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX certificates_number_prefix_idx ON certificates (upper(number) text_pattern_ops) WHERE status <> 'superseded'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX certificates_number_prefix_idx`.execute(db);
}
