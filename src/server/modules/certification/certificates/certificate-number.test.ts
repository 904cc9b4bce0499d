import { describe, expect, it } from 'vitest';
import { formatNumber, numberParts, numberPatternProblem, numberRegex } from './certificate-number.ts';

describe('certificate number pattern', () => {
  it('accepts the default and the usual shapes', () => {
    for (const p of ['AIMS-{YYYY}-{SEQ:5}', '{BODY}.42001.{SEQ:4}', 'C{YY}.{SEQ:3}_X']) expect(numberPatternProblem(p), p).toBeNull();
  });
  it('names what is wrong', () => {
    expect(numberPatternProblem('AIMS-{YYYY}')).toBe('no_sequence');
    expect(numberPatternProblem('{SEQ:3}-{SEQ:4}')).toBe('several_sequences');
    expect(numberPatternProblem('A-{SEQ:2}')).toBe('sequence_width');
    expect(numberPatternProblem('A-{SEQ:10}')).toBe('sequence_width');
    expect(numberPatternProblem('A {SEQ:4}')).toBe('bad_literal');
    // One segment of the register's URL path: nothing that splits, encodes or ends it.
    for (const p of ['{BODY}/42001/{SEQ:4}', 'A%{SEQ:4}', 'A?{SEQ:4}', 'A#{SEQ:4}', 'A\\{SEQ:4}', 'AÉ-{SEQ:4}', 'A+{SEQ:4}']) expect(numberPatternProblem(p), p).toBe('bad_literal');
    expect(numberPatternProblem('A-{MONTH}-{SEQ:4}')).toBe('unknown_token');
    expect(numberPatternProblem(`${'A'.repeat(55)}{SEQ:4}`)).toBe('too_long');
  });
  it('fills year and body and formats the counter', () => {
    const parts = numberParts('{BODY}-AIMS-{YYYY}-{SEQ:5}.{YY}', { year: 2026, bodySlug: 'verite-certification' });
    expect(parts).toEqual({ prefix: 'VERITE-CERTIFICATION-AIMS-2026-', suffix: '.26', width: 5 });
    expect(formatNumber(parts, 42)).toBe('VERITE-CERTIFICATION-AIMS-2026-00042.26');
    expect(formatNumber(parts, 123456)).toBe('VERITE-CERTIFICATION-AIMS-2026-123456.26');
    const re = new RegExp(numberRegex(parts));
    expect(re.exec('VERITE-CERTIFICATION-AIMS-2026-00042.26')?.[1]).toBe('00042');
    expect(re.test('VERITE-CERTIFICATION-AIMS-2026-0042.26')).toBe(false);
  });
});
