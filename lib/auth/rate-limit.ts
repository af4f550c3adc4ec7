/**
 * A sliding-window counter of failed sign-in attempts, kept in this process.
 * Several portal instances each count on their own; the per-address limit
 * still bounds a single attacker per instance.
 */
export class AttemptLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.attempts.get(key) ?? []).filter((at) => at > since);
    if (list.length) this.attempts.set(key, list);
    else this.attempts.delete(key);
    return list;
  }

  /** Seconds until the next attempt is allowed; 0 when it is allowed now. */
  blockedForSeconds(key: string): number {
    const list = this.recent(key);
    if (list.length < this.limit) return 0;
    const oldest = list[list.length - this.limit] ?? this.now();
    return Math.max(1, Math.ceil((oldest + this.windowMs - this.now()) / 1000));
  }

  recordFailure(key: string): void {
    const list = this.recent(key);
    list.push(this.now());
    this.attempts.set(key, list);
    if (this.attempts.size > 50_000) this.prune();
  }

  reset(key: string): void {
    this.attempts.delete(key);
  }

  private prune(): void {
    for (const key of [...this.attempts.keys()]) this.recent(key);
  }
}
