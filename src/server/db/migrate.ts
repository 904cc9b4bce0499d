import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrationNames, migrationProvider } from './migrations/index.ts';

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Modules built side by side land their migrations in any order (0016 before 0015): a database that
  // already ran a later one still takes an earlier one that arrives after it. Each migration owns its tables.
  const migrator = new Migrator({ db, provider: migrationProvider, migrationTableName: 'attest_migrations', migrationLockTableName: 'attest_migrations_lock', allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Every migration ran, not only the last by name: one landed out of order (0017 after 0018) may be missing. */
export async function migrationsApplied(db: Kysely<any>): Promise<boolean> {
  const rows = await sql<{ name: string }>`SELECT name FROM attest_migrations`.execute(db).catch(() => ({ rows: [] as { name: string }[] }));
  const applied = new Set(rows.rows.map((r) => r.name));
  return migrationNames.every((name) => applied.has(name));
}
