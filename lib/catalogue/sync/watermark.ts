import type { ProductListEntry } from "@/lib/domain/product";

import type { StoredVersion } from "@/lib/catalogue/store/products";

/**
 * Whether a listed product must be fetched: unknown, unavailable (it came back), or its
 * `update_count` or `last_modified` differ from what is stored. The update count is the guard
 * against clock skew: a change stamped with an older time than the stored one still counts.
 */
export function needsFetch(entry: ProductListEntry, stored: StoredVersion | undefined): boolean {
  if (!stored || !stored.available) return true;
  if (entry.updateCount !== stored.updateCount) return true;
  return (entry.lastModified?.getTime() ?? null) !== (stored.lastModified?.getTime() ?? null);
}

/**
 * The watermark of a run: the newest `last_modified` such that every listed product up to it is
 * settled (stored, unchanged or gone). It never passes a product that is still to be fetched or
 * that failed, so a run that stops anywhere resumes where it stopped.
 *
 * Invariant kept across runs: every product with `last_modified` <= watermark is stored. A run
 * lists everything from (watermark − margin), so the products it lists plus the invariant cover
 * the catalogue.
 */
export class WatermarkTracker {
  private readonly times: number[];
  private readonly settled: boolean[];
  private readonly indexOf = new Map<string, number>();
  private firstOpen = 0;

  /** `entries`: the listed products with a `last_modified`, in any order. */
  constructor(
    entries: ReadonlyArray<{ sku: string; lastModified: Date }>,
    private readonly previous: Date | null,
  ) {
    const sorted = [...entries].sort((a, b) => a.lastModified.getTime() - b.lastModified.getTime());
    this.times = sorted.map((entry) => entry.lastModified.getTime());
    this.settled = sorted.map(() => false);
    sorted.forEach((entry, index) => this.indexOf.set(entry.sku, index));
  }

  /** The product needs nothing more in this run: it was stored, was unchanged, or vanished. */
  settle(sku: string): void {
    const index = this.indexOf.get(sku);
    if (index !== undefined) this.settled[index] = true;
  }

  /** The watermark once these products are settled too, without settling them. */
  peek(skus: readonly string[]): Date | null {
    const indices = skus.map((sku) => this.indexOf.get(sku)).filter((index) => index !== undefined);
    const unsettled = indices.filter((index) => !this.settled[index]);
    for (const index of unsettled) this.settled[index] = true;
    const watermark = this.current();
    for (const index of unsettled) this.settled[index] = false;
    // current() may have moved past them; step back so that the next call looks at them again.
    this.firstOpen = Math.min(this.firstOpen, ...unsettled);
    return watermark;
  }

  /** The watermark now; null when there is none yet. */
  current(): Date | null {
    while (this.firstOpen < this.times.length && this.settled[this.firstOpen]) this.firstOpen++;
    const previous = this.previous?.getTime() ?? null;
    if (this.firstOpen >= this.times.length) {
      const newest = this.times.at(-1);
      if (newest === undefined) return this.previous;
      return new Date(previous === null ? newest : Math.max(previous, newest));
    }
    const open = this.times[this.firstOpen] as number;
    // The newest settled time strictly before the first open product.
    let candidate: number | null = null;
    for (let index = this.firstOpen - 1; index >= 0; index--) {
      const time = this.times[index] as number;
      if (time < open) {
        candidate = time;
        break;
      }
    }
    if (previous !== null && previous < open) candidate = candidate === null ? previous : Math.max(candidate, previous);
    return new Date(candidate ?? open - 1);
  }

  /** Products still open (to fetch, in flight, failed), for the log. */
  get openCount(): number {
    return this.settled.filter((settled) => !settled).length;
  }
}
