import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './0001-foundation.ts';
import * as m0002 from './0002-catalog.ts';

const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-catalog': m0002,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

export const latestMigration = Object.keys(migrations).sort().at(-1)!;
