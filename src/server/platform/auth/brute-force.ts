import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import { tooManyRequests } from '../errors/errors.ts';

export type TBruteForcePolicy = { maxPerAccount: number; maxPerIp: number; windowMinutes: number };

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string | null) => `ip:${ip ?? 'unknown'}`;

/**
 * Failures are counted in a sliding window, per account and per address. Past the limit the
 * answer is 429 with Retry-After; when the window slides on, the owner can sign in again, so an
 * attacker can slow an account down but never lock it for good.
 */
export function createBruteForceGuard(db: Kysely<DB>, policy: TBruteForcePolicy) {
  const limitOf = (key: string) => (key.startsWith('ip:') ? policy.maxPerIp : policy.maxPerAccount);
  return {
    async assertAllowed(keys: string[]): Promise<void> {
      const rows = await db
        .selectFrom('login_failures')
        .select(['key', sql<number>`count(*)::int`.as('n'), sql<Date>`min(occurred_at)`.as('oldest')])
        .where('key', 'in', keys)
        .where('occurred_at', '>', sql<Date>`now() - make_interval(mins => ${policy.windowMinutes})`)
        .groupBy('key')
        .execute();
      for (const r of rows) {
        if (r.n >= limitOf(r.key)) {
          const freeAt = new Date(r.oldest).getTime() + policy.windowMinutes * 60_000;
          throw tooManyRequests(Math.max(1, Math.ceil((freeAt - Date.now()) / 1000)));
        }
      }
    },
    async recordFailure(keys: string[]): Promise<void> {
      await db.insertInto('login_failures').values(keys.map((key) => ({ key }))).execute();
      await db
        .deleteFrom('login_failures')
        .where('occurred_at', '<', sql<Date>`now() - make_interval(mins => ${policy.windowMinutes * 2})`)
        .execute();
    },
    async clear(key: string): Promise<void> {
      await db.deleteFrom('login_failures').where('key', '=', key).execute();
    },
  };
}
export type TBruteForceGuard = ReturnType<typeof createBruteForceGuard>;
