import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import { tooManyRequests } from '../errors/errors.ts';

export type TBruteForcePolicy = { maxPerAccount: number; maxPerIp: number; windowMinutes: number };

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string | null) => `ip:${ip ?? 'unknown'}`;
/** "Forgot password" requests have their own budget, apart from sign-in failures. */
export const resetKeys = (email: string, ip: string | null) => [`reset:${accountKey(email)}`, `reset:${ipKey(ip)}`];
const isIpKey = (key: string) => key.startsWith('ip:') || key.startsWith('reset:ip:');

/** A guess that was let through: settle it once the secret has been checked. */
export type TAttempt = {
  /** The guess was right but the sign-in is not over (a second factor follows): uncount it only. */
  refund(): Promise<void>;
  /** The guess was right: it no longer counts, and the account's past failures are forgotten. */
  succeeded(): Promise<void>;
};

/**
 * Failures are counted in a sliding window, per account and per address. Each guess is counted
 * BEFORE the secret is checked (check-and-count under a per-account lock, in one short transaction),
 * and refunded when it proves right: however many requests race, at most the limit's worth of
 * guesses is ever evaluated per window. Past the limit the answer is 429 with Retry-After; when
 * the window slides on, the owner can sign in again, so an attacker can slow an account down but
 * never lock it for good.
 */
export function createBruteForceGuard(db: Kysely<DB>, policy: TBruteForcePolicy) {
  const limitOf = (key: string) => (isIpKey(key) ? policy.maxPerIp : policy.maxPerAccount);
  const inWindow = sql<boolean>`occurred_at > now() - make_interval(mins => ${policy.windowMinutes})`;

  async function attempt(keys: string[]): Promise<TAttempt> {
    const sorted = [...new Set(keys)].sort();
    const ids = await db.transaction().execute(async (tx) => {
      // The account keys are locked (sorted: two requests always lock in the same order, no
      // deadlock). The address key is not: every sign-in behind one NAT would queue on it (the
      // login bench saw 4 requests waiting on average), and its coarse limit may be overshot
      // by the requests in flight at once from that address, never by more.
      for (const key of sorted.filter((k) => !isIpKey(k))) await sql`SELECT pg_advisory_xact_lock(hashtext(${`attest-login:${key}`}))`.execute(tx);
      const rows = await tx
        .selectFrom('login_failures')
        .select(['key', sql<number>`count(*)::int`.as('n'), sql<Date>`min(occurred_at)`.as('oldest')])
        .where('key', 'in', sorted)
        .where(inWindow)
        .groupBy('key')
        .execute();
      const full = rows.filter((r) => r.n >= limitOf(r.key));
      if (full.length) {
        const freeAt = Math.max(...full.map((r) => new Date(r.oldest).getTime())) + policy.windowMinutes * 60_000;
        throw tooManyRequests(Math.max(1, Math.ceil((freeAt - Date.now()) / 1000)));
      }
      const inserted = await tx.insertInto('login_failures').values(sorted.map((key) => ({ key }))).returning(['id', 'key']).execute();
      return inserted;
    });
    return {
      async refund() {
        await db.deleteFrom('login_failures').where('id', 'in', ids.map((r) => r.id)).execute();
      },
      async succeeded() {
        const account = ids.filter((r) => !isIpKey(r.key)).map((r) => r.key);
        await db
          .deleteFrom('login_failures')
          .where((eb) => eb.or([eb('id', 'in', ids.map((r) => r.id)), ...(account.length ? [eb('key', 'in', account)] : [])]))
          .execute();
      },
    };
  }

  return {
    attempt,
    /** Old failures no one will count again; called off the hot path. */
    async prune(): Promise<void> {
      await db
        .deleteFrom('login_failures')
        .where('occurred_at', '<', sql<Date>`now() - make_interval(mins => ${policy.windowMinutes * 2})`)
        .execute();
    },
  };
}
export type TBruteForceGuard = ReturnType<typeof createBruteForceGuard>;
