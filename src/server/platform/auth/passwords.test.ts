import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';

describe('password policy', () => {
  it('needs 12 characters and refuses common passwords, even decorated', () => {
    expect(passwordProblem('Sh0rt!')).toMatchObject({ code: 'password_too_short', limit: 12 });
    expect(passwordProblem('password1234')?.code).toBe('password_too_common');
    expect(passwordProblem('Azertyuiop123!')?.code).toBe('password_too_common');
    expect(passwordProblem('!!Motdepasse2026')?.code).toBe('password_too_common');
    expect(passwordProblem('aaaaaaaaaaaaaaaa')?.code).toBe('password_too_common');
    expect(passwordProblem('Lumière-scoring-42')).toBeNull();
  });

  it('hashes with argon2id and verifies only the right password', async () => {
    const h = await hashPassword('Lumière-scoring-42');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, 'Lumière-scoring-42')).toBe(true);
    expect(await verifyPassword(h, 'lumière-scoring-42')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});
