/**
 * Where the pages' shared copies are kept (lib/http/personal-documents.ts), and which addresses earn
 * one. A copy costs a whole render of its page beside the request that asked for it, so it is only
 * worth making for an address that will be asked for again while the copy is kept.
 *
 *  - An address asked for the first time gets no copy: one-off visits never pay for one.
 *  - While there is room (fewer copies than `maxCopies`, and their bytes with one more of the average
 *    size within `maxBytes`), an address asked for again gets one.
 *  - When the store is full, a new copy would push out the least recently used one. It is made only
 *    when its address has been asked for at least twice more than that copy's address: otherwise a
 *    stream of addresses each asked for twice (a hundred thousand products, a few hundred category
 *    pages) would render a copy for each and drop it before anyone used it, two renders per page for
 *    nothing, and addresses asked for in a cycle larger than the store would push each other out.
 *  - A copy lives at most `maxAgeMs`; a key whose copy could not be kept (refused) renders per
 *    request for `refusedMs` before it is tried again.
 *
 * The asks are counted per address (the path with its query, the language and the VAT display); a
 * copy's key adds the user's shape and where the catalogue cache's tags stand, so one address can
 * have several copies. No clock of its own: every call is given `now`.
 */

/** How many more asks than the copy it would push out a new copy's address needs when the store is full. */
const ADMISSION_MARGIN = 2;

export interface CopyStoreLimits {
  maxCopies: number;
  maxBytes: number;
  maxAgeMs: number;
  refusedMs: number;
  /** Addresses whose asks are counted (least recently asked forgotten first). */
  maxAddresses: number;
  /** Copies rendered at once, at most. */
  maxRendering: number;
}

type State = "rendering" | "ready" | "refused";

export interface StoredCopy<C> {
  readonly key: string;
  readonly address: string;
  state: State;
  copy?: C;
  storedAt: number;
  /** The copy's bytes, once rendered. */
  size: number;
}

/** Why a copy was not made for an ask that had none. */
export type NotMade = "rendering-limit" | "not-admitted";

export class CopyStore<C> {
  private readonly copies = new Map<string, StoredCopy<C>>();
  private readonly asks = new Map<string, number>();
  private readonly copiesOfAddress = new Map<string, number>();
  private bytes = 0;
  private readyCount = 0;
  private readyBytes = 0;
  private renderingNow = 0;

  constructor(
    private readonly limits: CopyStoreLimits,
    /** Told of each copy dropped, and whether it was kept ready (so it could have been used). */
    private readonly onDrop: (entry: StoredCopy<C>, why: "evicted" | "expired" | "replaced") => void = () => {},
  ) {}

  /** Counts an ask for `address`; answers how many there have been (1 the first time). */
  ask(address: string): number {
    const count = (this.asks.get(address) ?? 0) + 1;
    this.asks.delete(address);
    this.asks.set(address, count);
    if (this.asks.size > this.limits.maxAddresses) this.asks.delete(this.asks.keys().next().value!);
    return count;
  }

  /**
   * Whether an ask for `address` (counted already) can be answered from a copy or earn one: it has a
   * copy under some key, or a new one would be admitted. When neither, the caller need not read
   * anything for a copy: the page renders per request.
   */
  worthComposing(address: string): boolean {
    return (this.copiesOfAddress.get(address) ?? 0) > 0 || this.admits(address);
  }

  /** The copy under `key` if it is still current (it counts as used: most recently used now). */
  get(key: string, now: number): StoredCopy<C> | undefined {
    const entry = this.copies.get(key);
    if (!entry) return undefined;
    const limit = entry.state === "refused" ? this.limits.refusedMs : this.limits.maxAgeMs;
    if (entry.state !== "rendering" && now - entry.storedAt > limit) {
      this.drop(key, "expired");
      return undefined;
    }
    this.copies.delete(key);
    this.copies.set(key, entry);
    return entry;
  }

  /**
   * Takes a place for a copy of `address` under `key` about to be rendered, or says why not. Call
   * `finish` with the result once the render is done.
   */
  begin(key: string, address: string, now: number): StoredCopy<C> | NotMade {
    if (this.renderingNow >= this.limits.maxRendering) return "rendering-limit";
    if (!this.admits(address)) return "not-admitted";
    this.renderingNow += 1;
    const entry: StoredCopy<C> = { key, address, state: "rendering", storedAt: now, size: 0 };
    this.put(entry);
    return entry;
  }

  /** The render begun with `begin` is done: `copy` with its size, or null (refused for a while). */
  finish(entry: StoredCopy<C>, result: { copy: C; size: number } | null, now: number): void {
    this.renderingNow -= 1;
    const keptStill = this.copies.get(entry.key) === entry;
    if (keptStill) this.remove(entry.key);
    entry.storedAt = now;
    if (result) {
      entry.state = "ready";
      entry.copy = result.copy;
      entry.size = result.size;
    } else {
      entry.state = "refused";
    }
    // Counted again at its size, unless it was dropped while it rendered.
    if (keptStill) this.put(entry);
  }

  /** Drops the copy under `key` (it could not be filled). */
  forget(key: string): void {
    this.drop(key, "replaced");
  }

  /** How many copies are kept, and their bytes (for tests and metrics). */
  get size(): { copies: number; bytes: number } {
    return { copies: this.copies.size, bytes: this.bytes };
  }

  private admits(address: string): boolean {
    const average = this.readyCount ? this.readyBytes / this.readyCount : 0;
    if (this.copies.size < this.limits.maxCopies && this.bytes + average <= this.limits.maxBytes) {
      return true;
    }
    const victim = this.copies.values().next().value;
    if (!victim) return true;
    // Two asks ahead, not one: addresses asked for in a cycle larger than the store would otherwise each
    // be one ask ahead of the copy they push out, and every ask would render a copy again.
    return (this.asks.get(address) ?? 0) >= (this.asks.get(victim.address) ?? 0) + ADMISSION_MARGIN;
  }

  private put(entry: StoredCopy<C>): void {
    this.copies.set(entry.key, entry);
    this.copiesOfAddress.set(entry.address, (this.copiesOfAddress.get(entry.address) ?? 0) + 1);
    this.bytes += entry.size;
    if (entry.state === "ready") {
      this.readyCount += 1;
      this.readyBytes += entry.size;
    }
    while (this.copies.size > this.limits.maxCopies || (this.bytes > this.limits.maxBytes && this.copies.size > 1)) {
      this.drop(this.copies.keys().next().value!, "evicted");
    }
  }

  private remove(key: string): StoredCopy<C> | undefined {
    const entry = this.copies.get(key);
    if (!entry) return undefined;
    this.copies.delete(key);
    const left = (this.copiesOfAddress.get(entry.address) ?? 1) - 1;
    if (left > 0) this.copiesOfAddress.set(entry.address, left);
    else this.copiesOfAddress.delete(entry.address);
    this.bytes -= entry.size;
    if (entry.state === "ready") {
      this.readyCount -= 1;
      this.readyBytes -= entry.size;
    }
    return entry;
  }

  private drop(key: string, why: "evicted" | "expired" | "replaced"): void {
    const entry = this.remove(key);
    if (entry) this.onDrop(entry, why);
  }
}
