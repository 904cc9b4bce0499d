import { CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import { runHot } from './hot-query.ts';

describe('runHot', () => {
  it('names a statement by its text: the same text one name, another text another name', async () => {
    const calls: [string, string, unknown[]][] = [];
    const database = { hot: async <R,>(name: string, text: string, values: unknown[]) => (calls.push([name, text, values]), [] as R[]) };
    await runHot(database, 'list', CompiledQuery.raw('SELECT $1::int', [1]));
    await runHot(database, 'list', CompiledQuery.raw('SELECT $1::int', [2]));
    await runHot(database, 'list', CompiledQuery.raw('SELECT $1::text', ['a']));
    expect(calls[0]![0]).toMatch(/^list_[0-9a-f]{16}$/);
    expect(calls[1]![0]).toBe(calls[0]![0]);
    expect(calls[2]![0]).not.toBe(calls[0]![0]);
    expect(calls.map((c) => c[2])).toEqual([[1], [2], ['a']]);
  });
});
