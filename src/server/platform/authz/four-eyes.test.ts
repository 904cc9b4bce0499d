import { describe, expect, it } from 'vitest';
import { fourEyesRefuses } from './four-eyes.ts';

describe('four eyes', () => {
  const drafted = { authorIds: ['u-author', 'u-submitter'], memberCount: 3 };
  it('refuses the author and the submitter, not another member', () => {
    expect(fourEyesRefuses({ userId: 'u-author' }, drafted)).toBe(true);
    expect(fourEyesRefuses({ userId: 'u-submitter' }, drafted)).toBe(true);
    expect(fourEyesRefuses({ userId: 'u-other' }, drafted)).toBe(false);
  });
  it('waives itself for an organization of one, and never refuses an API token', () => {
    expect(fourEyesRefuses({ userId: 'u-author' }, { ...drafted, memberCount: 1 })).toBe(false);
    expect(fourEyesRefuses({ userId: null }, drafted)).toBe(false);
  });
});
