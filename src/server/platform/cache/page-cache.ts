import type { TActor } from '../authz/actor.ts';

/*
 * A register page (the inventory, the risk register) is read far more often than it changes. Every
 * change to a tenant's records writes its audit event in the change's own transaction, and that
 * append moves the tenant's audit-chain head; the session statement reads each membership's head
 * (`dataVersion`) in the same round trip that resolves the session. So (user, tenant, head, today,
 * query) names one answer exactly: a page computed after reading head N shows at least the data of
 * N, and any later change makes a head > N, which misses. Nothing is ever "invalidated" by hand.
 *
 * What this relies on, and why it holds:
 * - every write to a tenant's records is audited in that tenant (a house rule, tested per module);
 * - names of members shown on pages change through the profile, which records `member.renamed`
 *   in each tenant the user belongs to (accounts service);
 * - day-dependent flags (overdue, expired) take `today` from the platform clock, part of the key;
 * - abilities depend on the user and their role, and a role change is an audited membership event.
 * A change made outside the application (SQL by hand) is not seen until the next audited change
 * or a restart (README, `PAGE_CACHE_ENTRIES`).
 *
 * One entry per (user, tenant, query): a newer version replaces the entry, so stale pages do not
 * accumulate; least recently used entries go first when the cache is full. Values are frozen:
 * every caller of a hit shares one object (the route's serializer memoizes its JSON on it).
 */
export type TPageCache = {
  remember<T extends object>(actor: TActor | null, tenantId: string, today: string, key: string, compute: () => Promise<T>): Promise<T>;
  readonly stats: { hits: number; misses: number; size: number };
};

type TEntry = { version: number; today: string; value: object };

export function createPageCache(maxEntries: number): TPageCache {
  const entries = new Map<string, TEntry>();
  const stats = { hits: 0, misses: 0, size: 0 };
  return {
    stats,
    async remember(actor, tenantId, today, key, compute) {
      const version = actor?.type === 'user' ? actor.memberships.find((m) => m.tenantId === tenantId)?.dataVersion : undefined;
      if (maxEntries <= 0 || version === undefined || actor?.type !== 'user') return compute();
      const slot = `${actor.userId}\u0000${tenantId}\u0000${key}`;
      const hit = entries.get(slot);
      if (hit && hit.version === version && hit.today === today) {
        stats.hits++;
        entries.delete(slot);
        entries.set(slot, hit);
        return hit.value as Awaited<ReturnType<typeof compute>>;
      }
      stats.misses++;
      const value = deepFreeze(await compute());
      const current = entries.get(slot);
      // A slower request that read an older head must not replace a newer page.
      if (!current || current.version <= version) {
        entries.delete(slot);
        entries.set(slot, { version, today, value });
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      }
      stats.size = entries.size;
      return value;
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
