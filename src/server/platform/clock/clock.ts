/**
 * The platform's time. Expiries, reminders and checkpoints read it instead of `new Date()`, so a
 * test can move time forward rather than wait for it.
 */
export type TClock = { now(): Date };

export const systemClock: TClock = { now: () => new Date() };

export type TTestClock = TClock & { set(at: Date): void; advance(ms: number): void };

export function createTestClock(start: Date = new Date()): TTestClock {
  let at = start.getTime();
  return {
    now: () => new Date(at),
    set: (d) => {
      at = d.getTime();
    },
    advance: (ms) => {
      at += ms;
    },
  };
}

/** Today as a calendar day ('2026-11-27', UTC) on the platform clock: what "overdue" and "expired" are judged against. */
export const todayOf = (p: { clock: TClock }) => p.clock.now().toISOString().slice(0, 10);
