/**
 * The shared catalogue cache: invalidation per tag, and the sync invalidating exactly what it
 * changed (real simulator, real PGlite). On a Postgres server (TEST_DATABASE_URL), an invalidation
 * announced by one instance reaches another's cache by LISTEN/NOTIFY.
 */
import { randomBytes } from "node:crypto";

import { eq } from "drizzle-orm";
import { Pool } from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { openDatabase, type DatabaseHandle } from "@/lib/db/client";
import { products } from "@/lib/db/schema";
import { getTestEnv } from "@/lib/env";
import { syncFixture, type SyncFixture } from "@/tests/fixtures/sync";

import { ALL_TAGS, CacheTags, CatalogueCache, notificationPayloads, payloadTags } from "./cache";
import { cachedRead, catalogueCache, invalidateCatalogue } from "./cache-queries";
import { categoryPageTags } from "./browse";
import { productPageTags } from "./show-product";
import { categoryProducts, productBySku } from "./queries";
import { searchProducts } from "./search";

/** A read that counts how often it ran and answers what `value()` says now. */
function counted<T>(value: () => T) {
  const read = async () => {
    read.calls++;
    return value();
  };
  read.calls = 0;
  return read;
}

describe("the catalogue cache", () => {
  it("reads once per key until one of the entry's tags is invalidated, and only then", async () => {
    const cache = new CatalogueCache();
    let title = "Kabel 3x2.5";
    const product = counted(() => title);
    const other = counted(() => "Gasfles");
    const tags = [CacheTags.product("A1"), CacheTags.stock];

    expect(await cache.get("product:A1", tags, product)).toBe("Kabel 3x2.5");
    expect(await cache.get("product:B2", [CacheTags.product("B2")], other)).toBe("Gasfles");
    title = "Kabel 3x4";
    expect(await cache.get("product:A1", tags, product)).toBe("Kabel 3x2.5");
    expect(product.calls).toBe(1);

    cache.invalidate([CacheTags.product("A1")]);
    expect(await cache.get("product:A1", tags, product)).toBe("Kabel 3x4");
    expect(await cache.get("product:B2", [CacheTags.product("B2")], other)).toBe("Gasfles");
    expect([product.calls, other.calls]).toEqual([2, 1]);

    cache.invalidate([CacheTags.stock]);
    await cache.get("product:A1", tags, product);
    await cache.get("product:B2", [CacheTags.product("B2")], other);
    expect([product.calls, other.calls]).toEqual([3, 1]);

    cache.invalidate([ALL_TAGS]);
    await cache.get("product:B2", [CacheTags.product("B2")], other);
    expect(other.calls).toBe(2);
  });

  it("never keeps what a read in flight during an invalidation answered", async () => {
    const cache = new CatalogueCache();
    let release!: () => void;
    let value = "old";
    const slow = counted(() => value);
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = cache.get("k", ["t"], async () => {
      const answer = await slow();
      await gate;
      return answer;
    });
    cache.invalidate(["t"]);
    value = "new";
    // A caller after the invalidation does not join the read that started before it.
    const second = cache.get("k", ["t"], slow);
    release();
    expect(await first).toBe("old");
    expect(await second).toBe("new");
    expect(await cache.get("k", ["t"], slow)).toBe("new");
  });

  it("joins concurrent reads of one key, keeps no failure, drops the least recently used and expires", async () => {
    let now = 0;
    const cache = new CatalogueCache({ maxEntries: 2, maxAgeMs: 1_000, now: () => now });
    const read = counted(() => "page");
    await Promise.all(Array.from({ length: 10 }, () => cache.get("a", [], read)));
    expect(read.calls).toBe(1);

    await expect(cache.get("fails", [], () => Promise.reject(new Error("database down")))).rejects.toThrow();
    expect(await cache.get("fails", [], async () => "recovered")).toBe("recovered");

    await cache.get("c", [], read); // "a" is now the least recently used of three
    expect(cache.size).toBe(2);
    await cache.get("a", [], read);
    expect(read.calls).toBe(3);

    now += 1_001;
    await cache.get("a", [], read);
    expect(read.calls).toBe(4);
  });

  it("splits many tags into notifications Postgres accepts, and reads them back", () => {
    const tags = Array.from({ length: 3_000 }, (_, index) => CacheTags.product(`SKU-${index}`));
    const payloads = notificationPayloads(tags);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8_000);
    expect(payloads.flatMap(payloadTags)).toEqual(tags);
  });
});

describe("the sync invalidates what it changed", () => {
  let f: SyncFixture;

  beforeAll(async () => {
    f = await syncFixture({ products: 200, seed: "cache-test" });
    expect((await f.catalogueSync().run()).outcome).toBe("success");
  }, 60_000);
  afterAll(() => f?.close());

  it("shows a changed title, price and stock colour in the category, search and product reads at once", async () => {
    const db = f.database.db;
    const [row] = await db
      .select({ sku: products.sku, categoryCodes: products.categoryCodes, categoryPaths: products.categoryPaths })
      .from(products)
      .where(eq(products.available, true))
      .limit(1);
    const sku = row!.sku;
    const category = row!.categoryPaths[0]!;
    // A category the product is not listed in: its listing must stay cached.
    const others = await db.select({ categoryPaths: products.categoryPaths }).from(products);
    const otherCategory = others
      .flatMap((item) => item.categoryPaths)
      .find((code) => !row!.categoryPaths.includes(code))!;
    const otherListing = counted(() => "listing of another category");
    const readOther = () =>
      cachedRead(
        f.database,
        `test-listing:${otherCategory}`,
        [CacheTags.listings, CacheTags.stock, CacheTags.category(otherCategory)],
        otherListing,
      );
    const list = { filters: { inStockOnly: false, dropshipableOnly: false }, sort: "sku" as const, page: 1 };
    const cache = catalogueCache();
    const pages = async () => {
      const reads = { listing: 0, search: 0, product: 0 };
      const listing = await cachedRead(
        f.database,
        `test-listing:${category}`,
        [CacheTags.listings, CacheTags.stock, CacheTags.category(category)],
        async () => {
          reads.listing++;
          const all = [];
          for (let page = 1; ; page++) {
            const result = await categoryProducts(db, { categoryCode: category, ...list, page });
            all.push(...result.items);
            if (page >= result.pageCount) break;
          }
          return all;
        },
      );
      const search = await cachedRead(f.database, `test-search:${sku}`, [CacheTags.search, CacheTags.stock], () => {
        reads.search++;
        return searchProducts(db, { query: sku, ...list });
      });
      const product = await cachedRead(
        f.database,
        `test-product:${sku}`,
        [CacheTags.product(sku), CacheTags.stock],
        () => {
          reads.product++;
          return productBySku(db, sku);
        },
      );
      return {
        reads,
        listing: listing.find((item) => item.sku === sku),
        search: search.items.find((item) => item.sku === sku),
        product,
      };
    };

    await readOther();
    const before = await pages();
    expect(before.listing).toBeDefined();
    expect((await pages()).reads).toEqual({ listing: 0, search: 0, product: 0 });

    const colour = before.product!.stockColour === "green" ? "red" : "green";
    await f.control("POST", `products/${encodeURIComponent(sku)}`, {
      title: "Omvormer 12V cache-test",
      prices: [{ minqty: 1, exvat: 123.45 }],
    });
    expect((await f.catalogueSync().run()).outcome).toBe("success");
    const afterSync = await pages();
    expect(afterSync.reads).toEqual({ listing: 1, search: 1, product: 1 });
    for (const shown of [afterSync.listing, afterSync.search]) {
      expect(shown?.title).toBe("Omvormer 12V cache-test");
      expect(shown?.priceExVat).toBe(123.45);
    }
    expect(afterSync.product?.title).toBe("Omvormer 12V cache-test");
    await readOther();
    expect(otherListing.calls, "another category's listing is read again").toBe(1);

    // A product page's copy (lib/http/personal-documents.ts) follows its own product only: a stock
    // change moves its tags, not another product's.
    const otherSku = (await db.select({ sku: products.sku }).from(products).limit(2)).find(
      (item) => item.sku !== sku,
    )!.sku;
    // So does a category page's copy: its own category's products.
    const copyKeys = () => [
      ...[sku, otherSku].map((each) => cache.generationKey(productPageTags(each))),
      ...[category, otherCategory].map((code) => cache.generationKey(categoryPageTags(code))),
    ];
    const keysBefore = copyKeys();
    await f.control("POST", "stock", { sku, colour });
    expect((await f.stockSync().run()).changed).toBeGreaterThan(0);
    const keysAfter = copyKeys();
    expect(keysAfter.map((key, index) => key === keysBefore[index])).toEqual([false, true, false, true]);
    const afterStock = await pages();
    expect(afterStock.listing?.stockColour).toBe(colour);
    expect(afterStock.search?.stockColour).toBe(colour);
    expect(afterStock.product?.stockColour).toBe(colour);

    // Nothing changed since: all three from the cache.
    const hits = cache.stats.hits;
    await pages();
    expect(cache.stats.hits).toBe(hits + 3);
  }, 60_000);
});

const SERVER = getTestEnv().TEST_DATABASE_URL;

describe.skipIf(!SERVER)("on a Postgres server", () => {
  const admin = SERVER ? new Pool({ connectionString: SERVER, max: 2 }) : null;
  const names: string[] = [];
  const handles: DatabaseHandle[] = [];

  afterEach(async () => {
    await Promise.all(handles.splice(0).map((handle) => handle.close()));
  });
  afterAll(async () => {
    for (const name of names) await admin?.query(`drop database if exists "${name}" with (force)`);
    await admin?.end();
  });

  it("an invalidation announced by one instance reaches another instance's cache", async () => {
    const name = `portal_test_${randomBytes(6).toString("hex")}`;
    await admin!.query(`create database "${name}"`);
    names.push(name);
    const url = new URL(SERVER!);
    url.pathname = `/${name}`;
    const [one, two] = await Promise.all(
      [0, 1].map(() => openDatabase({ databaseUrl: url.toString(), dataDir: "unused" })),
    );
    handles.push(one!, two!);
    const cacheOfTwo = new CatalogueCache();
    let title = "Kabel 3x2.5";
    const read = counted(() => title);
    const tags = [CacheTags.product("A1")];

    expect(await cachedRead(two!, "product:A1", tags, read, cacheOfTwo)).toBe("Kabel 3x2.5");
    title = "Kabel 3x4";
    expect(await cachedRead(two!, "product:A1", tags, read, cacheOfTwo)).toBe("Kabel 3x2.5");

    // Instance one's sync announces the change; instance two reads again.
    await invalidateCatalogue(one!.db, [CacheTags.product("A1")]);
    await expect
      .poll(() => cachedRead(two!, "product:A1", tags, read, cacheOfTwo), { timeout: 5_000 })
      .toBe("Kabel 3x4");

    // Another product's change does not reach this entry.
    await invalidateCatalogue(one!.db, [CacheTags.product("B2")]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const calls = read.calls;
    await cachedRead(two!, "product:A1", tags, read, cacheOfTwo);
    expect(read.calls).toBe(calls);
  }, 60_000);
});
