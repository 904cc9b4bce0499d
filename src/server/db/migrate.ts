import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { latestMigration, migrationProvider } from './migrations/index.ts';

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Modules built side by side land their migrations in any order (0016 before 0015): a database that
  // already ran a later one still takes an earlier one that arrives after it. Each migration owns its tables.
  const migrator = new Migrator({ db, provider: migrationProvider, migrationTableName: 'attest_migrations', migrationLockTableName: 'attest_migrations_lock', allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function migrationsApplied(db: Kysely<any>): Promise<boolean> {
  const rows = await sql<{ name: string }>`SELECT name FROM attest_migrations ORDER BY name DESC LIMIT 1`
    .execute(db)
    .catch(() => ({ rows: [] as { name: string }[] }));
  return rows.rows[0]?.name === latestMigration;
}
