/**
 * How hard the sync presses on the upstream: at most `limit` detail calls at a time, halved
 * on every 429 and paused until its Retry-After has passed; raised again by one after a run of
 * successes (additive increase, multiplicative decrease).
 */
export class Pressure {
  private active = 0;
  private pausedUntil = 0;
  private successes = 0;
  private readonly waiters: Array<() => void> = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  limit: number;

  constructor(
    readonly max: number,
    private readonly now: () => number = Date.now,
  ) {
    this.max = Math.max(1, Math.floor(max));
    this.limit = this.max;
  }

  /** Waits for a free slot (and for the end of a pause). Rejects when `signal` aborts. */
  async acquire(signal?: AbortSignal): Promise<void> {
    while (this.active >= this.limit || this.now() < this.pausedUntil) {
      if (signal?.aborted) throw signal.reason;
      await new Promise<void>((resolve) => {
        const wake = () => {
          signal?.removeEventListener("abort", wake);
          resolve();
        };
        this.waiters.push(wake);
        signal?.addEventListener("abort", wake, { once: true });
        this.schedule();
      });
    }
    if (signal?.aborted) throw signal.reason;
    this.active++;
  }

  release(): void {
    this.active = Math.max(0, this.active - 1);
    this.wakeAll();
  }

  success(): void {
    if (this.limit >= this.max) return;
    this.successes++;
    if (this.successes >= this.limit * 4) {
      this.successes = 0;
      this.limit++;
      this.wakeAll();
    }
  }

  /** A 429: fewer calls at a time, none at all until `retryAfterSeconds` passed. */
  rateLimited(retryAfterSeconds: number): void {
    this.limit = Math.max(1, Math.floor(this.limit / 2));
    this.successes = 0;
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + Math.max(0, retryAfterSeconds) * 1000);
    this.schedule();
  }

  get paused(): boolean {
    return this.now() < this.pausedUntil;
  }

  private wakeAll(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Wakes waiters when a pause ends. */
  private schedule(): void {
    const wait = this.pausedUntil - this.now();
    if (wait <= 0 || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.wakeAll();
      this.schedule();
    }, wait + 5);
  }

  /** Stops the pause timer (end of a run). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.wakeAll();
  }
}
