import { sql, type Kysely } from 'kysely';

/*
 * One counter per certification body, moved in the same transaction as any write to its
 * certificates or their events (statement-level triggers, so a bulk write moves it once). The
 * public register holds the pages it built; while a body's counter has not moved, none of its
 * pages can have changed, so a held page is confirmed by reading one small row instead of
 * recomputing the page's stamp. The counter is transactional (an UPDATE, not a sequence): a
 * reader never sees the new value before the data it stands for is committed.
 *
 * No foreign key to tenants: deleting a tenant cascades to its certificates, whose triggers then
 * write here, and a reference to the tenant being deleted would refuse that write.
 */
const TABLES = ['certificates', 'certificate_events'] as const;
const EVENTS = [
  ['insert', 'INSERT', 'NEW TABLE AS changed'],
  ['update', 'UPDATE', 'NEW TABLE AS changed'],
  ['delete', 'DELETE', 'OLD TABLE AS changed'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE register_versions (tenant_id uuid PRIMARY KEY, version bigint NOT NULL)`.execute(db);
  await sql`INSERT INTO register_versions (tenant_id, version) SELECT DISTINCT tenant_id, 1 FROM certificates`.execute(db);
  await sql`CREATE FUNCTION register_versions_bump() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO register_versions AS v (tenant_id, version)
        SELECT DISTINCT tenant_id, 1 FROM changed
        ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1;
      RETURN NULL;
    END $$`.execute(db);
  for (const table of TABLES) {
    for (const [name, event, transition] of EVENTS) {
      await sql
        .raw(`CREATE TRIGGER ${table}_register_${name} AFTER ${event} ON ${table} REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION register_versions_bump()`)
        .execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) for (const [name] of EVENTS) await sql.raw(`DROP TRIGGER ${table}_register_${name} ON ${table}`).execute(db);
  await sql`DROP FUNCTION register_versions_bump()`.execute(db);
  await sql`DROP TABLE register_versions`.execute(db);
}
