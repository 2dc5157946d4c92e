/**
 * The org's clock. Everything time-dependent inside an org (SOQL date literals, CreatedDate of new
 * records, locator expiry) reads this, never the wall clock, so a run is reproducible.
 * Fixed by default; tests and long-running servers may advance it explicitly.
 */
export class Clock {
  private ms: number;

  constructor(now: Date | string | number) {
    const d = new Date(now);
    if (Number.isNaN(d.getTime())) throw new RangeError(`invalid clock time: ${String(now)}`);
    this.ms = d.getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  /** The current time as stored in the org: fixed-width UTC ISO (`2024-05-26T12:00:00.000Z`). */
  nowIso(): string {
    return new Date(this.ms).toISOString();
  }

  set(now: Date | string | number): void {
    const d = new Date(now);
    if (Number.isNaN(d.getTime())) throw new RangeError(`invalid clock time: ${String(now)}`);
    this.ms = d.getTime();
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}
