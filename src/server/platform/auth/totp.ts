import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../crypto/crypto.ts';

export const newTotpSecret = () => generateSecret();

export const totpUri = (secret: string, email: string) => generateURI({ issuer: 'Attest', label: email, secret });

/** Returns the time step the code belongs to, or null; a step at or before `lastStep` is a replay. */
export function checkTotp(secret: string, code: string, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const res = verifySync({ secret, token: code, epochTolerance: 30, ...(lastStep ? { afterTimeStep: lastStep } : {}) }) as {
    valid: boolean;
    timeStep?: number;
  };
  if (!res.valid) return null;
  return res.timeStep ?? Math.floor(Date.now() / 30_000);
}

export const currentTotp = (secret: string) => generateSync({ secret });

/** Ten one-time recovery codes like `7KQ2-M9XD-44TF`, stored only as hashes. */
export function newRecoveryCodes(): string[] {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 10 }, () => {
    const bytes = randomBytes(12);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

export const normaliseRecoveryCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
export const hashRecoveryCode = (code: string) => sha256Hex(`attest-recovery:${normaliseRecoveryCode(code)}`);
