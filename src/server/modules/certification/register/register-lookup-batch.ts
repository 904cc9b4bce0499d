import type { TDatabase } from '../../../db/client.ts';
import { certificateDocuments, registerVersions } from './register-repo.ts';

/**
 * A held page: the bytes sent, their strong validator, the stamp of the state they show, and the
 * issuing body's register counter when the page was last found current (null: unknown, so the
 * page is always re-checked by its stamp).
 */
export type THeldPage = { bytes: Buffer; etag: string; stamp: string; tenant: string; version: string | null };

/** Enough for every certificate of a large installation (~2 KB each); beyond it the oldest go. */
const PAGE_MEMO_ENTRIES = 20_000;
/** Numbers confirmed by one statement at most; more waiting lookups take several statements. */
const BATCH_MAX = 200;
/**
 * Statements in flight at once. While they run, new lookups wait and leave together with the next
 * statement: under load a batch grows to the number of lookups that arrived during one statement,
 * instead of one statement per turn of the event loop. Two, so that one statement's round trip
 * overlaps the other's execution.
 */
const IN_FLIGHT_MAX = 2;

type TWaiter = { resolve(page: THeldPage | null): void; reject(error: unknown): void };

/**
 * The register's page lookups, coalesced: lookups that arrive in the same turn of the event loop
 * (sixteen crawlers at once, a burst of QR-code scans) are confirmed by one statement instead of
 * one each, which is where a lookup spends its time (the pool, the protocol, PostgreSQL's executor).
 * Freshness is unchanged: the statement starts after every lookup of its batch arrived, so it sees
 * every status change committed before any of them — by this process or any other sharing the
 * database. A lookup of a number already waiting joins it. When IN_FLIGHT_MAX statements are
 * running, lookups wait for one to finish: the batch then leaves with every lookup that came
 * meanwhile, which still starts after each of them arrived.
 */
export function createRegisterLookups(database: Pick<TDatabase, 'hot'>, makePage: (doc: string) => { bytes: Buffer; etag: string }) {
  // The pages last built, by number (least recently stored first).
  const pages = new Map<string, THeldPage>();
  let waiting = new Map<string, TWaiter[]>();
  let inFlight = 0;
  let scheduled = false;

  const keep = (number: string, page: THeldPage) => {
    pages.delete(number);
    pages.set(number, page);
    if (pages.size > PAGE_MEMO_ENTRIES) pages.delete(pages.keys().next().value!);
  };

  /**
   * When every number of the batch has a page held, the bodies' counters are read first (one row
   * per body): a page whose body's counter has not moved since it was found current is current
   * still, with nothing else read. The others, and every batch with a number not held, go to the
   * stamp statement, which also returns the counter the answer is current at. In the steady state
   * a lookup costs a share of one primary-key read; after a body's change, its pages take a second
   * statement once.
   */
  async function confirm(batch: [string, TWaiter[]][]) {
    try {
      let rest = batch;
      const held = batch.map(([number]) => pages.get(number));
      if (held.every((h) => h?.version)) {
        const versions = await registerVersions(database, [...new Set(held.map((h) => h!.tenant))]);
        rest = [];
        batch.forEach((entry, i) => {
          const h = held[i]!;
          if (versions.get(h.tenant) === h.version) for (const w of entry[1]) w.resolve(h);
          else rest.push(entry);
        });
        if (rest.length === 0) return;
      }
      await confirmByStamp(rest);
    } catch (error) {
      for (const [, waiters] of batch) for (const w of waiters) w.reject(error);
    }
  }

  async function confirmByStamp(batch: [string, TWaiter[]][]) {
    // The page each stamp stands for: a concurrent batch may store another page meanwhile.
    const sent = batch.map(([number]) => pages.get(number));
    const rows = await certificateDocuments(
      database,
      batch.map(([number], i) => ({ number, knownStamp: sent[i]?.stamp ?? '' })),
    );
    const found = new Map(rows.map((r) => [r.number, r]));
    batch.forEach(([number, waiters], i) => {
      const r = found.get(number);
      const was = sent[i];
      let page: THeldPage | null = null;
      if (!r) pages.delete(number);
      else {
        page = r.doc === null && was ? { ...was, stamp: r.stamp, tenant: r.tenant, version: r.version } : { ...makePage(r.doc ?? ''), stamp: r.stamp, tenant: r.tenant, version: r.version };
        keep(number, page);
      }
      for (const w of waiters) w.resolve(page);
    });
  }

  function schedule() {
    if (scheduled || waiting.size === 0 || inFlight >= IN_FLIGHT_MAX) return;
    scheduled = true;
    setImmediate(flush);
  }

  function flush() {
    scheduled = false;
    const all = [...waiting];
    waiting = new Map();
    for (let i = 0; i < all.length; i += BATCH_MAX) {
      inFlight++;
      void confirm(all.slice(i, i + BATCH_MAX)).finally(() => {
        inFlight--;
        schedule();
      });
    }
  }

  return {
    /** The number's current page, or null when no certificate has that number. */
    page(number: string): Promise<THeldPage | null> {
      return new Promise((resolve, reject) => {
        const joined = waiting.get(number);
        if (joined) joined.push({ resolve, reject });
        else waiting.set(number, [{ resolve, reject }]);
        schedule();
      });
    },
  };
}
