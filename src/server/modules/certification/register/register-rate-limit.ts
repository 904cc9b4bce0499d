import { createHmac, createSecretKey } from 'node:crypto';

/**
 * The register's per-address budget, kept in this process's memory. The public quote request
 * counts in the database (a few requests per hour, an advisory lock and three statements each);
 * the register is read thousands of times a second and promises one round trip per request, so
 * it counts here: a fixed one-minute window per address, the address kept only as a keyed hash,
 * and the whole table dropped when the minute turns (memory is bounded by one minute's visitors).
 * With several processes behind a balancer each grants its own budget (README).
 */
export type TRegisterRateLimit = { charge(ip: string | undefined, nowMs: number): number | null };

const MINUTE = 60_000;

export function createRegisterRateLimit(secretKey: Buffer, perMinute: number): TRegisterRateLimit {
  // One key object for the process: building it from the bytes on every request costs more than the HMAC.
  const key = createSecretKey(secretKey);
  let window = -1;
  let counts = new Map<string, number>();
  return {
    /** null when the request may go on, else the seconds to wait (Retry-After). */
    charge(ip, nowMs) {
      const w = Math.floor(nowMs / MINUTE);
      if (w !== window) {
        window = w;
        counts = new Map();
      }
      const who = createHmac('sha256', key).update(ip ?? 'unknown').digest('hex');
      const n = (counts.get(who) ?? 0) + 1;
      counts.set(who, n);
      return n > perMinute ? Math.max(1, Math.ceil(((w + 1) * MINUTE - nowMs) / 1000)) : null;
    },
  };
}
