import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { latestMigration, migrationProvider } from './migrations/index.ts';

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider, migrationTableName: 'attest_migrations', migrationLockTableName: 'attest_migrations_lock' });
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
