/**
 * The live catalogue: per-product state in compact typed arrays (so 200,000
 * products start in well under a second), full products generated on demand
 * and their JSON cached, and the changes that keep it alive: every simulated
 * minute some products change (price, title or media: update_count and
 * last_modified move) and some stock colours flip (their own modified time).
 */
import { phpDate } from "../phpdate.js";
import type { CategoryNode, CategoryTree } from "./categories.js";
import { ean13ForIndex } from "./ean13.js";
import { type PriceTier, priceTier } from "./pricing.js";
import {
  buildProduct,
  type ProductJson,
  type ProductPatch,
  type ProductRevision,
  productDateStyle,
} from "./products.js";
import { Rng } from "./rng.js";

const NO_LEAF = 0xffff;
/** Product JSON kept at most; beyond it the least recently used is dropped. */
const JSON_CACHE_LIMIT = 20_000;
/** Missed minutes applied at most in one catch-up (after a long idle time or a big clock jump). */
const MAX_CATCH_UP_MINUTES = 120;

/** UTF-8 encoded JSON, ready to send. */
export type JsonBody = Uint8Array<ArrayBuffer>;
export type StockFormat = "color" | "numeric" | "absolute";
export type ChangeKind = "price" | "title" | "media";

export interface ProductFilter {
  category?: CategoryNode;
  minUpdateCount?: number;
  modifiedSince?: number;
  barcodes?: string[];
}

export interface TickResult {
  changed: Array<{ sku: string; kind: ChangeKind }>;
  stock: Array<{ sku: string; colour: "green" | "red" }>;
}

export interface PriceInput {
  minqty: number;
  exvat: number;
  priceOnDemand?: boolean;
}

export class Catalogue {
  readonly size: number;
  private readonly skus: string[] = [];
  private readonly barcodes: string[] = [];
  private readonly skuIndex = new Map<string, number>();
  private readonly barcodeIndex = new Map<string, number>();
  private readonly leafA: Uint16Array;
  private readonly leafB: Uint16Array;
  private readonly updateCount: Uint32Array;
  private readonly lastModified: Float64Array;
  private readonly stock: Uint8Array;
  private readonly stockModified: Float64Array;
  private readonly deleted: Uint8Array;
  private readonly revisions = new Map<number, ProductRevision>();
  private readonly patches = new Map<number, ProductPatch>();
  /** Products changed through the control API: automatic changes leave them alone. */
  private readonly pinned = new Set<number>();
  private readonly jsonCache = new Map<number, string>();
  private readonly listEntries: Array<string | undefined>;
  /** Unfiltered list bodies, encoded once: at 200,000 products the SKU list is 26 MB. */
  private fullList: JsonBody | undefined;
  private readonly stockLists = new Map<string, JsonBody>();
  private lastMinute: number;
  private manualTicks = 0;

  constructor(
    private readonly seed: string,
    size: number,
    readonly tree: CategoryTree,
    startMs: number,
    /** The first products, by index, that the clock's random changes leave alone. */
    private readonly steady = 0,
  ) {
    this.size = size;
    this.leafA = new Uint16Array(size);
    this.leafB = new Uint16Array(size).fill(NO_LEAF);
    this.updateCount = new Uint32Array(size);
    this.lastModified = new Float64Array(size);
    this.stock = new Uint8Array(size);
    this.stockModified = new Float64Array(size);
    this.deleted = new Uint8Array(size);
    this.listEntries = new Array<string | undefined>(size);
    this.lastMinute = Math.floor(startMs / 60_000);

    const leafCount = tree.leaves.length;
    const start = Math.floor(startMs / 1000) * 1000;
    // One sequential stream: item i never depends on how many items follow it.
    const rng = Rng.for(seed, "catalogue");
    let number = 100_000;
    for (let i = 0; i < size; i++) {
      number += rng.int(1, 3);
      const body = String(number).padStart(7, "0");
      const sku = (rng.chance(0.07) ? `A${body}` : body) + (rng.chance(0.03) ? "L" : "");
      const barcode = ean13ForIndex(i, rng.int(0, 1000));
      this.skus.push(sku);
      this.barcodes.push(barcode);
      this.skuIndex.set(sku, i);
      this.barcodeIndex.set(barcode, i);
      this.leafA[i] = rng.int(0, leafCount - 1);
      if (rng.chance(0.15)) this.leafB[i] = rng.int(0, leafCount - 1);
      this.updateCount[i] = 1 + Math.floor(rng.next() ** 3 * 12);
      this.lastModified[i] = start - rng.int(1, 730 * 86_400) * 1000;
      this.stock[i] = rng.chance(0.85) ? (rng.chance(0.6) ? 2 : 1) : 0;
      this.stockModified[i] = start - rng.int(60, 30 * 86_400) * 1000;
    }
  }

  // ---- lookups -------------------------------------------------------------

  indexOfSku(sku: string): number | undefined {
    const index = this.skuIndex.get(sku);
    return index !== undefined && !this.deleted[index] ? index : undefined;
  }

  indexOfBarcode(barcode: string): number | undefined {
    const index = this.barcodeIndex.get(barcode);
    return index !== undefined && !this.deleted[index] ? index : undefined;
  }

  sku(index: number): string {
    return this.skus[index] as string;
  }

  /** The VAT rate of the product's main category. */
  vatRate(index: number): 21 | 9 {
    return this.leaves(index)[0]?.vatRate ?? 21;
  }

  /** Indices of products that are not deleted, in SKU order. */
  *activeIndices(): Generator<number> {
    for (let i = 0; i < this.size; i++) if (!this.deleted[i]) yield i;
  }

  product(index: number): ProductJson {
    return buildProduct(this.seed, this.tree, {
      index,
      sku: this.sku(index),
      barcode: this.barcodes[index] as string,
      leaves: this.leaves(index),
      stock: this.stock[index] ?? 0,
      updateCount: this.updateCount[index] ?? 0,
      lastModified: this.lastModified[index] ?? 0,
      revision: this.revisions.get(index) ?? { title: 0, price: 0, media: 0 },
      patch: this.patches.get(index),
    });
  }

  productJson(index: number): string {
    let json = this.jsonCache.get(index);
    if (json !== undefined) {
      this.jsonCache.delete(index);
    } else {
      json = JSON.stringify(this.product(index));
      if (this.jsonCache.size >= JSON_CACHE_LIMIT) {
        const oldest = this.jsonCache.keys().next().value;
        if (oldest !== undefined) this.jsonCache.delete(oldest);
      }
    }
    this.jsonCache.set(index, json);
    return json;
  }

  private leaves(index: number): CategoryNode[] {
    const leaves = this.tree.leaves;
    const a = this.leafA[index] ?? 0;
    const b = this.leafB[index] ?? NO_LEAF;
    const result = [leaves[a] as CategoryNode];
    if (b !== NO_LEAF && b !== a) result.push(leaves[b] as CategoryNode);
    return result;
  }

  // ---- lists ---------------------------------------------------------------

  /** GET /products: [{sku, last_modified, update_count}] as encoded JSON. */
  listBody(filter: ProductFilter): JsonBody {
    const unfiltered =
      !filter.category && filter.minUpdateCount === undefined && filter.modifiedSince === undefined && !filter.barcodes;
    if (unfiltered && this.fullList !== undefined) return this.fullList;
    const mask = filter.category ? this.tree.leafMask(filter.category) : undefined;
    const candidates = filter.barcodes
      ? [...new Set(filter.barcodes.map((code) => this.indexOfBarcode(code)))]
          .filter((i): i is number => i !== undefined)
          .sort((a, b) => a - b)
      : this.activeIndices();
    const parts: string[] = [];
    for (const i of candidates) {
      if (mask && !mask[this.leafA[i] ?? 0] && !(this.leafB[i] !== NO_LEAF && mask[this.leafB[i] ?? 0])) continue;
      if (filter.minUpdateCount !== undefined && (this.updateCount[i] ?? 0) < filter.minUpdateCount) continue;
      if (filter.modifiedSince !== undefined && (this.lastModified[i] ?? 0) < filter.modifiedSince) continue;
      parts.push(this.listEntry(i));
    }
    const body = Buffer.from(`[${parts.join(",")}]`);
    if (unfiltered) this.fullList = body;
    return body;
  }

  private listEntry(index: number): string {
    let entry = this.listEntries[index];
    if (entry === undefined) {
      const date = JSON.stringify(phpDate(this.lastModified[index] ?? 0, productDateStyle(index)));
      entry = `{"sku":${JSON.stringify(this.sku(index))},"last_modified":${date},"update_count":${this.updateCount[index]}}`;
      this.listEntries[index] = entry;
    }
    return entry;
  }

  /** GET /stock/*: nested [{sku: value}, ...] or flat {sku: value, ...} as encoded JSON. */
  stockBody(format: StockFormat, listType: "nested" | "flat", modifiedSince?: number): JsonBody {
    const key = `${format}:${listType}`;
    if (modifiedSince === undefined) {
      const cached = this.stockLists.get(key);
      if (cached !== undefined) return cached;
    }
    const parts: string[] = [];
    for (const i of this.activeIndices()) {
      if (modifiedSince !== undefined && (this.stockModified[i] ?? 0) < modifiedSince) continue;
      const level = this.stock[i] ?? 0;
      const value =
        format === "color"
          ? level > 0
            ? '"green"'
            : '"red"'
          : format === "numeric"
            ? String(level)
            : level > 0
              ? "1"
              : "0";
      const pair = `${JSON.stringify(this.sku(i))}:${value}`;
      parts.push(listType === "nested" ? `{${pair}}` : pair);
    }
    const body = Buffer.from(listType === "nested" ? `[${parts.join(",")}]` : `{${parts.join(",")}}`);
    if (modifiedSince === undefined) this.stockLists.set(key, body);
    return body;
  }

  // ---- changes -------------------------------------------------------------

  /**
   * Applies the automatic changes of every simulated minute completed up to
   * `nowMs`. They are stamped `nowMs` (the moment they become visible), so a
   * client polling with modified_since never misses one.
   */
  catchUp(nowMs: number): void {
    const minute = Math.floor(nowMs / 60_000);
    if (minute <= this.lastMinute) return;
    const first = Math.max(this.lastMinute + 1, minute - MAX_CATCH_UP_MINUTES + 1);
    this.lastMinute = minute;
    const stamp = Math.floor(nowMs / 1000) * 1000;
    for (let m = first; m <= minute; m++)
      this.applyChanges(Rng.for(this.seed, "minute", m), stamp, this.changesPerMinute, this.flipsPerMinute);
  }

  /** Forces one round of changes now (POST /__sim/catalogue/tick). */
  tick(nowMs: number, changes = this.changesPerMinute): TickResult {
    this.manualTicks++;
    const stamp = Math.floor(nowMs / 1000) * 1000;
    return this.applyChanges(
      Rng.for(this.seed, "manual", this.manualTicks),
      stamp,
      changes,
      Math.max(1, Math.round(changes * 1.5)),
    );
  }

  get changesPerMinute(): number {
    return Math.max(1, Math.round(this.size / 2000));
  }

  get flipsPerMinute(): number {
    return Math.max(1, Math.round(this.size / 1000));
  }

  private applyChanges(rng: Rng, stamp: number, changes: number, flips: number): TickResult {
    const result: TickResult = { changed: [], stock: [] };
    for (let attempt = 0; result.changed.length < changes && attempt < changes * 10; attempt++) {
      const i = rng.int(0, this.size - 1);
      if (!this.drifts(i)) continue;
      const kind = rng.weighted<ChangeKind>([
        ["price", 45],
        ["title", 25],
        ["media", 30],
      ]);
      const revision = this.revisions.get(i) ?? { title: 0, price: 0, media: 0 };
      revision[kind]++;
      this.revisions.set(i, revision);
      this.touch(i, stamp);
      result.changed.push({ sku: this.sku(i), kind });
    }
    for (let attempt = 0; result.stock.length < flips && attempt < flips * 10; attempt++) {
      const i = rng.int(0, this.size - 1);
      if (!this.drifts(i)) continue;
      // Selling out is rarer than restocking, which keeps about 85 % in stock over time.
      const inStock = (this.stock[i] ?? 0) > 0;
      if (inStock && !rng.chance(0.18)) continue;
      this.setStockLevel(i, inStock ? 0 : rng.chance(0.6) ? 2 : 1, stamp);
      result.stock.push({ sku: this.sku(i), colour: inStock ? "red" : "green" });
    }
    return result;
  }

  /** Whether the clock's random changes may touch product `i`: not deleted, not changed through the control API, not steady. */
  private drifts(i: number): boolean {
    return i >= this.steady && !this.deleted[i] && !this.pinned.has(i);
  }

  /** POST /__sim/stock. */
  setStock(index: number, inStock: boolean, nowMs: number): void {
    this.pinned.add(index);
    const current = this.stock[index] ?? 0;
    if (current > 0 === inStock) return;
    this.setStockLevel(index, inStock ? 2 : 0, Math.floor(nowMs / 1000) * 1000);
  }

  /** POST /__sim/products/{sku}: explicit values, bumping update_count and last_modified. */
  update(
    index: number,
    change: { title?: string | null; description?: string | null; prices?: PriceInput[]; blocked?: boolean },
    nowMs: number,
  ): void {
    this.pinned.add(index);
    const patch = { ...this.patches.get(index) };
    if (change.title !== undefined) patch.title = change.title;
    if (change.description !== undefined) patch.description = change.description;
    if (change.blocked !== undefined) patch.blocked = change.blocked;
    if (change.prices !== undefined) {
      const vat = this.vatRate(index);
      patch.prices = change.prices
        .map((p): PriceTier => priceTier(p.exvat, vat, p.minqty, p.priceOnDemand ?? false))
        .sort((a, b) => a.minqty - b.minqty);
    }
    this.patches.set(index, patch);
    this.touch(index, Math.floor(nowMs / 1000) * 1000);
  }

  /** DELETE /__sim/products/{sku}: gone from lists, 404 on detail. */
  remove(index: number): void {
    this.deleted[index] = 1;
    this.jsonCache.delete(index);
    this.fullList = undefined;
    this.stockLists.clear();
  }

  private touch(index: number, stamp: number): void {
    this.updateCount[index] = (this.updateCount[index] ?? 0) + 1;
    this.lastModified[index] = Math.max(stamp, this.lastModified[index] ?? 0);
    this.listEntries[index] = undefined;
    this.jsonCache.delete(index);
    this.fullList = undefined;
  }

  private setStockLevel(index: number, level: number, stamp: number): void {
    this.stock[index] = level;
    this.stockModified[index] = stamp;
    this.jsonCache.delete(index);
    this.stockLists.clear();
  }
}
