import { describe, expect, it } from 'vitest';
import { KeyDigestSet } from './key-digest-set.ts';
import { concatIndexParts, openPopulationIndex, openPopulationIndexHeader, PopulationIndexBuilder, populationIndexLength } from './population-index.ts';

describe('population index parts', () => {
  it('joins to the index a reader opens, across chunks, header alone included', () => {
    const b = new PopulationIndexBuilder();
    const n = 70_000; // more than one 65 536-row chunk
    for (let i = 0; i < n; i++) b.push(20_000 + (i % 181), i + 2, 40 + i * 30, 30);
    const meta = { format: 'csv' as const, periodStart: 20_000, periodEnd: 20_180, sha256: 'cd'.repeat(32), headerBytes: 40 };
    const parts = b.finishParts(meta);
    const joined = concatIndexParts(parts);
    expect(populationIndexLength(parts[0]!)).toBe(joined.length);
    const ix = openPopulationIndex(joined);
    expect(ix.rowCount).toBe(n);
    expect([ix.dates[65_535], ix.dates[65_536], ix.rowNumbers[n - 1], ix.offsets[n - 1], ix.lengths[0]]).toEqual([20_000 + (65_535 % 181), 20_000 + (65_536 % 181), n + 1, 40 + (n - 1) * 30, 30]);
    expect(b.finish(meta).equals(joined)).toBe(true);
    expect(openPopulationIndexHeader(parts[0]!)).toMatchObject({ format: 'csv', headerBytes: 40, sha256: 'cd'.repeat(32), rowCount: 0 });
  });
});

describe('KeyDigestSet.reserve', () => {
  it('keeps the keys already seen and their first rows', () => {
    const s = new KeyDigestSet(4);
    expect(s.addOrGetFirstRow('A-1', 2)).toBe(0);
    expect(s.addOrGetFirstRow('A-2', 3)).toBe(0);
    s.reserve(10_000);
    expect(s.addOrGetFirstRow('A-1', 9)).toBe(2);
    expect(s.addOrGetFirstRow('A-2', 9)).toBe(3);
    expect(s.addOrGetFirstRow('A-3', 9)).toBe(0);
    expect(s.size).toBe(3);
  });
});
