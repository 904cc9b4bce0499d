import { describe, expect, it } from 'vitest';
import { ZRiskMatrixConfig } from '../../../shared/contracts/risks.ts';
import { aboveThreshold, DEFAULT_MATRIX, fitsMatrix, scoreOn } from './risk-matrix.ts';

describe('risk matrix', () => {
  it('the default is a valid 5 × 5 matrix with four bands and a threshold at 9', () => {
    expect(ZRiskMatrixConfig.parse(DEFAULT_MATRIX)).toEqual(DEFAULT_MATRIX);
    expect([scoreOn(DEFAULT_MATRIX, 1, 4).level, scoreOn(DEFAULT_MATRIX, 3, 3).level, scoreOn(DEFAULT_MATRIX, 2, 5).level, scoreOn(DEFAULT_MATRIX, 5, 5).level]).toEqual([
      'low',
      'medium',
      'high',
      'critical',
    ]);
    expect(aboveThreshold(DEFAULT_MATRIX, 9)).toBe(false);
    expect(aboveThreshold(DEFAULT_MATRIX, 10)).toBe(true);
  });

  it('a cell outside the matrix does not fit', () => {
    expect(fitsMatrix(DEFAULT_MATRIX, 5, 5)).toBe(true);
    expect(fitsMatrix(DEFAULT_MATRIX, 6, 1)).toBe(false);
    expect(fitsMatrix(DEFAULT_MATRIX, 0, 1)).toBe(false);
  });

  it('refuses bands that do not climb or do not end at the highest score, and a threshold beyond it', () => {
    const bad = ZRiskMatrixConfig.safeParse({
      ...DEFAULT_MATRIX,
      likelihood: DEFAULT_MATRIX.likelihood.slice(0, 3),
      bands: [
        { ...DEFAULT_MATRIX.bands[0]!, upTo: 4 },
        { ...DEFAULT_MATRIX.bands[1]!, upTo: 3 },
      ],
      acceptanceThreshold: 20,
    });
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['acceptanceThreshold', 'bands.1.upTo', 'bands.1.upTo']);
  });
});
