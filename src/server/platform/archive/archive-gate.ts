import { AppError } from '../errors/errors.ts';

export type TArchiveGate = {
  /** Runs `work` in one of the few slots for unpacking archives, or refuses at once with 429. */
  run<T>(work: () => Promise<T>): Promise<T>;
  readonly active: number;
};

/**
 * Unpacking and parsing an archive costs memory in proportion to its content, within the reader's
 * limits; capping how many run at once keeps the sum of those limits bounded too. A caller over
 * the cap is told to retry rather than queued: a queue of uploads would hold their bodies in memory.
 */
export function createArchiveGate(maxConcurrent: number): TArchiveGate {
  let active = 0;
  return {
    get active() {
      return active;
    },
    async run(work) {
      if (active >= maxConcurrent) {
        throw new AppError(
          429,
          'imports_busy',
          'Too many imports are being processed right now. Try again in 1 minute.',
          { retryAfterMinutes: 1 },
          { 'retry-after': '60' },
        );
      }
      active++;
      try {
        return await work();
      } finally {
        active--;
      }
    },
  };
}
