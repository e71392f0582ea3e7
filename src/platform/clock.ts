/**
 * Where services take the time from. Passed in (through `Deps`, the job runner, the mail and
 * storage functions) rather than read from `Date.now()`, so that a test can move time forward
 * (a lease expiring, a back-off elapsing, a retention period ending) without sleeping.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The time as stored in the database: ISO-8601 UTC text, which sorts as it compares. */
export const isoNow = (clock: Clock): string => clock.now().toISOString();

/** ISO text `ms` milliseconds after the clock's now. */
export const isoAfter = (clock: Clock, ms: number): string =>
  new Date(clock.now().getTime() + ms).toISOString();

/**
 * A clock that stands still until moved: `advance(ms)` and `set(date)`. For tests only.
 *
 * @example
 * const clock = new TestClock('2026-01-01T00:00:00Z');
 * clock.advance(60_000); // one minute later
 */
export class TestClock implements Clock {
  private ms: number;
  constructor(start: string | Date = '2026-01-01T00:00:00.000Z') {
    this.ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  set(at: string | Date): void {
    this.ms = new Date(at).getTime();
  }
}
