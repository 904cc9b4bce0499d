import { createHash } from 'node:crypto';
import type { CompiledQuery } from 'kysely';
import type { TDatabase } from './client.ts';

const names = new Map<string, string>();

/**
 * Runs a compiled query through `database.hot`: on PostgreSQL a named prepared statement, parsed
 * and planned once per connection. The name is derived from the text, so each filter combination
 * of a list is its own statement and a name never stands for two texts (pg refuses that).
 */
export function runHot<R>(database: Pick<TDatabase, 'hot'>, prefix: string, compiled: CompiledQuery<R>): Promise<R[]> {
  let name = names.get(compiled.sql);
  if (!name) {
    name = `${prefix}_${createHash('sha1').update(compiled.sql).digest('hex').slice(0, 16)}`;
    // A list has a bounded set of shapes; the cap only guards against a bug making texts unique.
    if (names.size < 2000) names.set(compiled.sql, name);
  }
  return database.hot<R>(name, compiled.sql, compiled.parameters as unknown[]);
}
