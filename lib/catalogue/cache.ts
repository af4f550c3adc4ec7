/**
 * The shared catalogue cache: what every dealer sees alike (category listings, the category tree,
 * a product's mirror row, search results and suggestions), kept in this process and keyed by the
 * inputs of the read. Each entry is tagged; the sync bumps the generation of exactly the tags it
 * changed (a product's SKU, its categories, the tree, search, stock colours), and an entry whose
 * tags moved on since it was read is read again.
 *
 * Per-user parts (cart count, active customer, the dealer's own prices, the listing permission,
 * the VAT display) never enter it: the use cases decide those before and after a cached read.
 *
 * With several instances on one Postgres server an invalidation reaches all of them by
 * `NOTIFY catalogue_cache` (lib/db/client.ts listens); with embedded PGlite, one process, the
 * local bump is all. Entries also expire after `maxAgeMs`, so a notification lost while an
 * instance reconnected is not stale for long (a reconnect clears everything anyway).
 */

/** The tags of the catalogue's shared reads. */
export const CacheTags = {
  /** The category tree, titles and paths of categories (a tree change also moves listings). */
  tree: "tree",
  /** Every search result and suggestion. */
  search: "search",
  /** The catalogue's words, which misspellings are corrected to (they change only with stored products). */
  words: "words",
  /** Stock colours, which listings, search and product pages show. */
  stock: "stock",
  /** Every category listing (the tree's paths moved, so products' category paths were recomputed). */
  listings: "listings",
  category: (code: string) => `category:${code}`,
  product: (sku: string) => `product:${sku}`,
} as const;

/** The channel of Postgres notifications carrying invalidated tags. */
export const CACHE_CHANNEL = "catalogue_cache";
/** A payload that clears every entry (a reconnected listener may have missed notifications). */
export const ALL_TAGS = "*";

interface Entry {
  value: unknown;
  tags: readonly string[];
  /** The generation of each tag when the value was read. */
  generations: readonly number[];
  /** The cache's epoch when it was read: `clear()` starts a new one. */
  epoch: number;
  storedAt: number;
}

export interface CatalogueCacheOptions {
  /** How many entries at most, least recently used dropped first (default 5,000). */
  maxEntries?: number;
  /** How long an entry lives at most (default 10 minutes). */
  maxAgeMs?: number;
  now?: () => number;
}

export interface CacheStats {
  hits: number;
  misses: number;
  entries: number;
  invalidations: number;
}

export class CatalogueCache {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();
  /** Reads in flight by key, so that ten requests for one cold page read it once. */
  private readonly pending = new Map<string, { epoch: number; promise: Promise<unknown> }>();
  private epoch = 0;
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  readonly stats: CacheStats = { hits: 0, misses: 0, entries: 0, invalidations: 0 };

  constructor(options: CatalogueCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 5_000;
    this.maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
  }

  private generation(tag: string): number {
    return this.generations.get(tag) ?? 0;
  }

  private fresh(entry: Entry): boolean {
    if (entry.epoch !== this.epoch || this.now() - entry.storedAt > this.maxAgeMs) return false;
    return entry.tags.every((tag, index) => this.generation(tag) === entry.generations[index]);
  }

  /**
   * The value under `key`, read by `load` when missing or when one of `tags` was invalidated since.
   * The value is shared by every caller: treat it as read-only. A failed read is not kept.
   */
  async get<T>(key: string, tags: readonly string[], load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && this.fresh(entry)) {
      // Most recently used last: a Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.stats.hits++;
      return entry.value as T;
    }
    const inFlight = this.pending.get(key);
    if (inFlight && inFlight.epoch === this.epoch) return inFlight.promise as Promise<T>;
    this.stats.misses++;
    // The generations before the read: an invalidation during the read leaves the entry stale.
    const generations = tags.map((tag) => this.generation(tag));
    const epoch = this.epoch;
    const promise = load().then(
      (value) => {
        if (this.pending.get(key)?.promise === promise) this.pending.delete(key);
        if (epoch === this.epoch) this.store(key, { value, tags, generations, epoch, storedAt: this.now() });
        return value;
      },
      (error: unknown) => {
        if (this.pending.get(key)?.promise === promise) this.pending.delete(key);
        throw error;
      },
    );
    this.pending.set(key, { epoch, promise });
    return promise;
  }

  private store(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    this.stats.entries = this.entries.size;
  }

  /**
   * Where `tags` stand now: changes when one of them is invalidated or the cache cleared. A copy of
   * something made from reads under those tags is current while this stays the same.
   */
  generationKey(tags: readonly string[]): string {
    return `${this.epoch}:${tags.map((tag) => this.generation(tag)).join(".")}`;
  }

  /** Every entry tagged with one of `tags` is read again on its next use; `*` clears everything. */
  invalidate(tags: Iterable<string>): void {
    for (const tag of tags) {
      if (tag === ALL_TAGS) {
        this.clear();
        continue;
      }
      this.generations.set(tag, this.generation(tag) + 1);
      this.stats.invalidations++;
    }
    // A read in flight may hold the old value: it still answers its callers (and is stored with
    // the old generations, so stale at once), but a new caller starts a read of its own.
    this.pending.clear();
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
    this.pending.clear();
    this.stats.entries = 0;
    this.stats.invalidations++;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Splits tags into NOTIFY payloads under Postgres' 8,000-byte limit. */
export function notificationPayloads(tags: Iterable<string>, maxBytes = 7_000): string[] {
  const payloads: string[] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const tag of new Set(tags)) {
    const size = Buffer.byteLength(tag) + 1;
    if (current.length && bytes + size > maxBytes) {
      payloads.push(current.join("\n"));
      current = [];
      bytes = 0;
    }
    current.push(tag);
    bytes += size;
  }
  if (current.length) payloads.push(current.join("\n"));
  return payloads;
}

/** The tags of one notification's payload. */
export function payloadTags(payload: string): string[] {
  return payload.split("\n").filter(Boolean);
}
