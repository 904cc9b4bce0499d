import { describe, expect, it } from 'vitest';
import { inapplicableCriteria, isPermutationOf, nextComplementaryReference } from './scope-parts-rules.ts';

describe('SOC 2 scope parts rules', () => {
  it('numbers CUECs and CSOCs per kind, after the highest taken', () => {
    expect(nextComplementaryReference('cuec', [])).toBe('CUEC-01');
    expect(nextComplementaryReference('cuec', ['CUEC-01', 'CUEC-03', 'CSOC-07'])).toBe('CUEC-04');
    expect(nextComplementaryReference('csoc', ['CUEC-01', 'CSOC-09'])).toBe('CSOC-10');
    expect(nextComplementaryReference('csoc', ['CSOC-99'])).toBe('CSOC-100');
  });
  it('refuses criteria outside the catalog or the examination’s categories (letters, not startsWith)', () => {
    const known = new Set(['CC6.1', 'A1.2', 'C1.1', 'PI1.2']);
    expect(inapplicableCriteria(['CC6.1', 'A1.2', 'C1.1', 'ZZ9.9', 'PI1.2'], known, ['security', 'availability'])).toEqual([
      { index: 2, ref: 'C1.1' },
      { index: 3, ref: 'ZZ9.9' },
      { index: 4, ref: 'PI1.2' },
    ]);
  });
  it('accepts a reorder only when it names every row once', () => {
    expect(isPermutationOf(['b', 'a'], ['a', 'b'])).toBe(true);
    expect(isPermutationOf(['a', 'a'], ['a', 'b'])).toBe(false);
    expect(isPermutationOf(['a'], ['a', 'b'])).toBe(false);
    expect(isPermutationOf(['a', 'c'], ['a', 'b'])).toBe(false);
  });
});
