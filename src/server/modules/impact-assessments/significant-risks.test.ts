import { describe, expect, it } from 'vitest';
import { onAxis } from './significant-risks.ts';

describe('our 1–5 scale on the organization’s risk matrix', () => {
  it('keeps 1–5 on a 5×5 matrix and stays on a smaller or larger axis', () => {
    expect([1, 2, 3, 4, 5].map((l) => onAxis(l, 5))).toEqual([1, 2, 3, 4, 5]);
    expect([1, 2, 3, 4, 5].map((l) => onAxis(l, 3))).toEqual([1, 1, 2, 2, 3]);
    expect([1, 2, 3, 4, 5].map((l) => onAxis(l, 7))).toEqual([1, 3, 4, 6, 7]);
  });
});
