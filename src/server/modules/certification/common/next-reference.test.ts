import { describe, expect, it } from 'vitest';
import { formatReference } from './next-reference.ts';

describe('certification references', () => {
  it('prints a yearly series and a running one with four digits at least', () => {
    expect(formatReference({ table: 'audits', prefix: 'AUD', year: 2026 }, 7)).toBe('AUD-2026-0007');
    expect(formatReference({ table: 'clients', prefix: 'CLI' }, 12)).toBe('CLI-0012');
    expect(formatReference({ table: 'clients', prefix: 'CLI' }, 12345)).toBe('CLI-12345');
  });
});
