import type { TDatabase } from '../../../db/client.ts';
import { certificateDocuments } from './register-repo.ts';

/** A held page: the bytes sent, their strong validator and the stamp of the state they show. */
export type THeldPage = { bytes: Buffer; etag: string; stamp: string };

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

  async function confirm(batch: [string, TWaiter[]][]) {
    // The page each stamp stands for: a concurrent batch may store another page meanwhile.
    const sent = batch.map(([number]) => pages.get(number));
    try {
      const rows = await certificateDocuments(
        database,
        batch.map(([number], i) => ({ number, knownStamp: sent[i]?.stamp ?? '' })),
      );
      const found = new Map(rows.map((r) => [r.number, r]));
      batch.forEach(([number, waiters], i) => {
        const r = found.get(number);
        let page: THeldPage | null = null;
        if (!r) pages.delete(number);
        else if (r.doc === null && sent[i]) page = sent[i];
        else {
          page = { ...makePage(r.doc ?? ''), stamp: r.stamp };
          keep(number, page);
        }
        for (const w of waiters) w.resolve(page);
      });
    } catch (error) {
      for (const [, waiters] of batch) for (const w of waiters) w.reject(error);
    }
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
