import { sql, type Kysely } from 'kysely';

/*
 * An examination is renewed once: the service checks it under the previous row's lock, and this
 * index says it in the schema. It also serves the examination's read of its renewal (the next
 * period's reference on the page), which would otherwise scan the firm's examinations per row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE UNIQUE INDEX soc2_examinations_previous_key ON soc2_examinations (tenant_id, previous_examination_id) WHERE previous_examination_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX soc2_examinations_previous_key`.execute(db);
}
