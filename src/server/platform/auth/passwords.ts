import fs from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../shared/contracts/accounts.ts';
import { AppError } from '../errors/errors.ts';

const COMMON = new Set(
  fs
    .readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l && !l.startsWith('#')),
);

/** "Summer2026!!" is "summer" with decorations: strip digits and symbols from both ends. */
const baseWord = (p: string) => p.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, '');

type TPasswordProblem = { code: 'password_too_short' | 'password_too_long' | 'password_too_common'; message: string; limit?: number };

export function passwordProblem(password: string): TPasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return { code: 'password_too_short', message: `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`, limit: PASSWORD_MIN_LENGTH };
  if (password.length > PASSWORD_MAX_LENGTH)
    return { code: 'password_too_long', message: `The password must have at most ${PASSWORD_MAX_LENGTH} characters.`, limit: PASSWORD_MAX_LENGTH };
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || COMMON.has(baseWord(password)) || /^(.)\1+$/.test(password)) {
    return { code: 'password_too_common', message: 'This password is too common: choose one that is not on lists of known passwords.' };
  }
  return null;
}

/** `field` is the body's name for the new password (`newPassword` on the account page). */
export function assertAcceptablePassword(password: string, field = 'password'): void {
  const problem = passwordProblem(password);
  if (problem) throw new AppError(400, problem.code, problem.message, { field, ...(problem.limit === undefined ? {} : { limit: problem.limit }) });
}

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
// `algorithm: 2` is Algorithm.Argon2id; the package ships it as a const enum, which type stripping cannot inline.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against a fixed hash when the account does not exist keeps timing uniform. */
let dummyHash: Promise<string> | null = null;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('attest-timing-equaliser-not-a-password');
  await verifyPassword(await dummyHash, password);
}
