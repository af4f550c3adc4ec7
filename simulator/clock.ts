/**
 * The simulated clock. It starts at the real time of (re)start and runs
 * `timeScale` simulated seconds per real second (0 freezes it); `advance`
 * jumps it forward. Order progress, catalogue changes and every timestamp the
 * API returns follow it. Token expiry and rate limits follow real time (`realNow`).
 */
export class SimClock {
  private realStart = 0;
  private simStart = 0;
  private offsetMs = 0;

  constructor(
    readonly timeScale: number,
    readonly realNow: () => number = Date.now,
  ) {
    this.reset();
  }

  reset(): void {
    this.realStart = this.realNow();
    this.simStart = this.realStart;
    this.offsetMs = 0;
  }

  /** Simulated epoch milliseconds. */
  now(): number {
    return Math.floor(this.simStart + (this.realNow() - this.realStart) * this.timeScale + this.offsetMs);
  }

  /** Simulated epoch milliseconds, truncated to whole seconds (what timestamps use). */
  nowSeconds(): number {
    return Math.floor(this.now() / 1000) * 1000;
  }

  advance(minutes: number): void {
    this.offsetMs += minutes * 60_000;
  }
}
