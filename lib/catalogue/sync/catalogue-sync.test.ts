import { asc, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { flattenCategoryTree } from "@/lib/catalogue/store/categories";
import { listFailures } from "@/lib/catalogue/store/failures";
import { readSyncState } from "@/lib/catalogue/store/sync-records";
import { openMemoryDatabase, resultRows, type DatabaseHandle } from "@/lib/db/client";
import { categories, products, syncRuns } from "@/lib/db/schema";

import type { SyncProgress, SyncReport } from "./catalogue-sync";
import { silentLogger } from "./logger";
import { scheduleSync } from "./scheduler";
import { catalogueSyncStatus, FAILURES_SHOWN, isCatalogueReady } from "./status";
import { syncFixture, type SyncFixture } from "@/tests/fixtures/sync";

const DETAIL_PATHS = "^/products/(?!barcode/)[^/]+$";

let database: DatabaseHandle;
let fixture: SyncFixture | undefined;

beforeAll(async () => {
  database = await openMemoryDatabase();
});

afterAll(async () => {
  await database.close();
});

async function open(products?: number): Promise<SyncFixture> {
  fixture = await syncFixture({ products, database });
  return fixture;
}

afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function storedRows(f: SyncFixture) {
  return f.database.db
    .select({
      sku: products.sku,
      title: products.title,
      updateCount: products.updateCount,
      lastModified: products.lastModified,
      available: products.available,
      stockColour: products.stockColour,
      stockUpdatedAt: products.stockUpdatedAt,
    })
    .from(products)
    .orderBy(asc(products.sku));
}

/**
 * Waits until the simulator has answered every call still under way: an aborted run returns without
 * waiting for its calls, and a hanging one is answered only once the client's timeout gives it up. The
 * simulator counts a call when it answers, so one of the old run's answered after a stats reset would
 * count as the next run's. (CI once counted 150 detail calls where 142 were due; this is one way to get
 * there, not seen in local runs.)
 */
async function quiet(f: SyncFixture, stillFor = 600) {
  let before = JSON.stringify((await f.stats()).routes);
  for (let waited = 0; waited < 15_000; waited += stillFor) {
    await new Promise((resolve) => setTimeout(resolve, stillFor));
    const now = JSON.stringify((await f.stats()).routes);
    if (now === before) return;
    before = now;
  }
  throw new Error("the simulator was still answering calls after 15 s");
}

/** Every product up to the watermark is stored in its listed version: what "never past a failure" means. */
async function expectWatermarkHonest(f: SyncFixture) {
  const state = await readSyncState(f.database.db, "catalogue");
  const watermark = state?.watermark;
  if (!watermark) return;
  const listed = await f.upstream().client.productSkus();
  const stored = new Map((await storedRows(f)).map((row) => [row.sku, row]));
  for (const entry of listed) {
    if (!entry.lastModified || entry.lastModified > watermark) continue;
    expect(stored.get(entry.sku)?.updateCount, `${entry.sku} is below the watermark`).toBe(entry.updateCount);
  }
}

describe("catalogue sync against the simulator", () => {
  it("full run stores every product and category", async () => {
    const f = await open(300);
    const db = f.database.db;
    expect(await isCatalogueReady(db)).toBe(false);
    const progress: SyncProgress[] = [];
    const report = await f.catalogueSync().run({ onProgress: (p) => progress.push(p) });

    expect(report).toMatchObject({ ran: true, kind: "full", outcome: "success", listed: 300, stored: 300, failed: 0 });
    expect(report.upstreamCalls).toBe(302); // the tree, the list, 300 details
    const rows = await storedRows(f);
    expect(rows).toHaveLength(300);
    expect(rows.every((row) => row.available && row.stockColour !== null)).toBe(true);

    const tree = flattenCategoryTree(await f.upstream().client.categories());
    const storedCategories = await db.select().from(categories);
    expect(storedCategories).toHaveLength(tree.length);
    const leaf = storedCategories.find((category) => category.pathCodes.length === 3);
    expect(leaf?.parentCode).toBe(leaf?.pathCodes[1]);

    // One product in detail: mapped columns, category paths with the ancestors.
    const sample = await f.upstream().client.product(rows[17]!.sku);
    const [row] = await db.select().from(products).where(eq(products.sku, sample.sku));
    expect(row).toMatchObject({
      title: sample.title,
      barcode: sample.barcode?.value,
      updateCount: sample.updateCount,
      basePrice: sample.prices[0]?.priceOnDemand ? null : sample.prices[0]?.exVat,
      vatRate: sample.prices[0]?.vatRate,
      salesUnitAmount: sample.salesUnitAmount,
    });
    for (const ref of sample.categories) {
      for (const code of ref.pathCodes) expect(row?.categoryPaths).toContain(code);
    }
    expect(row?.attributeText).toContain(sample.attributes[0]?.title ?? "");

    const state = await readSyncState(db, "catalogue");
    const newest = Math.max(...rows.map((r) => r.lastModified?.getTime() ?? 0));
    expect(state?.watermark?.getTime()).toBe(newest);
    expect(await isCatalogueReady(db)).toBe(true);
    const status = await catalogueSyncStatus(db);
    expect(status).toMatchObject({ products: { total: 300, available: 300 }, failuresPending: 0 });
    expect(status.lastRun).toMatchObject({
      kind: "full",
      outcome: "success",
      counts: { stored: 300, upstreamCalls: 302 },
      reason: null,
      message: null,
    });
    expect(status.lagSeconds).toBeLessThan(5);
    expect(progress.at(-1)).toMatchObject({ phase: "done", total: 300, done: 300 });
  });

  it("an incremental run fetches only the products that changed", async () => {
    const f = await open(300);
    const sync = f.catalogueSync();
    await sync.run();
    const skus = (await storedRows(f)).map((row) => row.sku);

    await f.resetStats();
    for (const sku of [skus[3]!, skus[150]!]) await f.control("POST", `products/${sku}`, { title: `Renamed ${sku}` });
    const tick = await f.control<{ changed: Array<{ sku: string }> }>("POST", "catalogue/tick", { changes: 5 });
    const changed = new Set([skus[3]!, skus[150]!, ...tick.changed.map((change) => change.sku)]);

    const report = await sync.run();
    expect(report).toMatchObject({ kind: "incremental", fullList: false, outcome: "success", changed: changed.size });
    expect(report.stored).toBe(changed.size);
    const stats = await f.stats();
    expect(f.detailCalls(stats)).toBe(changed.size);
    expect(stats.routes["GET /products"]).toBe(1);
    expect(stats.total).toBe(changed.size + 1);
    expect(report.upstreamCalls).toBe(changed.size + 1);
    const [renamed] = await f.database.db.select().from(products).where(eq(products.sku, skus[3]!));
    expect(renamed?.title).toBe(`Renamed ${skus[3]}`);

    // Nothing changed since: one list call, no detail.
    const quiet = await sync.run();
    expect(quiet).toMatchObject({ changed: 0, stored: 0, upstreamCalls: 1 });
    await expectWatermarkHonest(f);
  });

  it("marks a product that vanished from the list unavailable and keeps it", async () => {
    const f = await open(300);
    const sync = f.catalogueSync({ fullListEvery: 3 });
    await sync.run();
    const sku = (await storedRows(f))[42]!.sku;
    await f.control("DELETE", `products/${sku}`);

    // Runs between full lists do not see it go (they ask for changes only).
    const first = await sync.run();
    expect(first).toMatchObject({ fullList: false, vanished: 0 });
    const second = await sync.run();
    expect(second).toMatchObject({ fullList: false, vanished: 0 });
    const third = await sync.run();
    expect(third).toMatchObject({ kind: "incremental", fullList: true, vanished: 1, outcome: "success" });
    expect(third.upstreamCalls).toBe(2); // the tree and the whole SKU list; no detail

    const [row] = await f.database.db.select().from(products).where(eq(products.sku, sku));
    expect(row?.available).toBe(false);
    const status = await catalogueSyncStatus(f.database.db);
    expect(status.products).toEqual({ total: 300, available: 299 });
  });

  it("keeps the words misspellings are corrected to, and how many available products have each, as products change and go", async () => {
    const f = await open(300);
    const sync = f.catalogueSync({ fullListEvery: 2 });
    const words = async () =>
      resultRows<{ word: string; documents: number }>(
        await f.database.db.execute(sql`select word, documents from search_words order by word`),
      );
    // The reference: every word of the available products' titles and attributes, counted afresh.
    const recounted = async () =>
      resultRows<{ word: string; documents: number }>(
        await f.database.db.execute(sql`
          select word, ndoc as documents
          from ts_stat('select to_tsvector(''simple'', coalesce(title, '''') || '' '' || attribute_text) from products where available')
          where word ~ '^[a-zà-öø-ÿ]{4,}$' order by word`),
      );
    await sync.run();
    const first = await words();
    expect(first.length).toBeGreaterThan(20);
    expect(first.some((row) => row.documents > 1)).toBe(true);
    expect(first).toEqual(await recounted());

    const skus = (await storedRows(f)).map((row) => row.sku);
    // Two products take a word no other has, a third the same word; then one of the first two is renamed
    // again (its word goes down to one product) and the third leaves the catalogue.
    for (const sku of [skus[3]!, skus[150]!, skus[200]!])
      await f.control("POST", `products/${sku}`, { title: `Zonnepaneelbeugel ${sku}` });
    await sync.run();
    expect((await words()).find((row) => row.word === "zonnepaneelbeugel")).toEqual({
      word: "zonnepaneelbeugel",
      documents: 3,
    });
    expect(await words()).toEqual(await recounted());

    await f.control("POST", `products/${skus[3]}`, { title: `Dakluikrubber ${skus[3]}` });
    await f.control("DELETE", `products/${skus[200]}`);
    const report = await sync.run();
    expect(report).toMatchObject({ fullList: true, vanished: 1, outcome: "success" });
    const after = await words();
    expect(after.find((row) => row.word === "zonnepaneelbeugel")?.documents).toBe(1);
    expect(after.find((row) => row.word === "dakluikrubber")?.documents).toBe(1);
    expect(after).toEqual(await recounted());

    // The last product with the word goes: no search is corrected to a word that finds nothing.
    await f.control("DELETE", `products/${skus[150]}`);
    await sync.run();
    await sync.run();
    expect((await words()).map((row) => row.word)).not.toContain("zonnepaneelbeugel");
    expect(await words()).toEqual(await recounted());
  });

  it("marks nothing gone from a SKU list with an unreadable entry (bad-record), paged or not, and still from a whole one", async () => {
    const f = await open(300);
    const sync = f.catalogueSync({ fullListEvery: 1 });
    await sync.run();
    await f.control("POST", "variants", { variants: ["bad-record", "paged"] });
    const listed = await f.upstream().client.productSkus();
    expect(listed.skipped).toBe(1);
    expect(listed.length).toBe(299);

    const partial = await sync.run({ full: true });
    expect(partial).toMatchObject({ fullList: true, vanished: 0, outcome: "success" });
    const status = await catalogueSyncStatus(f.database.db);
    expect(status.products).toEqual({ total: 300, available: 300 });

    // Paged alone, the list is whole again: a product that really left is marked gone.
    await f.control("POST", "variants", { variants: ["paged"] });
    const sku = (await storedRows(f))[7]!.sku;
    await f.control("DELETE", `products/${sku}`);
    const whole = await sync.run({ full: true });
    expect(whole).toMatchObject({ fullList: true, vanished: 1, outcome: "success" });
    const [row] = await f.database.db.select().from(products).where(eq(products.sku, sku));
    expect(row?.available).toBe(false);
  });

  it("records failures mid-run, never moves the watermark past them, and stores them on the next run", async () => {
    const f = await open(300);
    await f.control("POST", "faults", { errorRate: 0.2, paths: DETAIL_PATHS });
    let now = new Date();
    const sync = f.catalogueSync({ upstream: f.upstream({ readAttempts: 1 }), now: () => now });
    const first = await sync.run();
    expect(first.outcome).toBe("partial");
    expect(first.failed).toBeGreaterThan(20);
    expect(first.stored + first.failed).toBe(300);
    // Staff read why in their own words; the English message would only repeat it.
    expect((await catalogueSyncStatus(f.database.db)).lastRun).toMatchObject({
      outcome: "partial",
      reason: "products_failed",
      message: null,
      counts: { failed: first.failed },
    });
    const failures = await listFailures(f.database.db);
    expect(failures).toHaveLength(first.failed);
    // Staff see the first in line for a retry, soonest first, each with its error; a product the mirror
    // has never held has no title yet.
    const shown = (await catalogueSyncStatus(f.database.db)).nextFailures;
    expect(shown).toHaveLength(Math.min(first.failed, FAILURES_SHOWN));
    expect(shown.map((failure) => failure.nextAttemptAt.getTime())).toEqual(
      shown.map((failure) => failure.nextAttemptAt.getTime()).sort((a, b) => a - b),
    );
    for (const failure of shown) {
      // The simulator's faults are 5xx pages: the upstream's failure, kept as a code staff read in their language.
      expect(failure).toMatchObject({ attempts: 1, title: null, reason: "upstream_unreachable" });
      expect(failure.lastError).not.toBe("");
      expect(failures.map((all) => all.sku)).toContain(failure.sku);
    }
    const state = await readSyncState(f.database.db, "catalogue");
    for (const failure of failures)
      expect(failure.lastModified!.getTime()).toBeGreaterThan(state!.watermark!.getTime());
    await expectWatermarkHonest(f);

    // Not due yet: the next run leaves them (and still holds the watermark).
    await f.control("DELETE", "faults");
    await f.resetStats();
    const early = await sync.run();
    expect(early).toMatchObject({ changed: 0, stored: 0 });
    expect((await readSyncState(f.database.db, "catalogue"))?.watermark).toEqual(state?.watermark);

    now = new Date(now.getTime() + 5 * 60_000);
    const second = await sync.run();
    expect(second).toMatchObject({ outcome: "success", stored: first.failed, failed: 0 });
    expect(f.detailCalls(await f.stats())).toBe(first.failed);
    expect(await listFailures(f.database.db)).toHaveLength(0);
    expect(await storedRows(f)).toHaveLength(300);
    const newest = Math.max(...(await storedRows(f)).map((row) => row.lastModified?.getTime() ?? 0));
    expect((await readSyncState(f.database.db, "catalogue"))?.watermark?.getTime()).toBe(newest);
    await expectWatermarkHonest(f);
  });

  it("resumes an interrupted run where it stopped, and times out hanging calls", async () => {
    const f = await open(300);
    await f.control("POST", "faults", { hangRate: 0.02, paths: DETAIL_PATHS });
    const controller = new AbortController();
    const sync = f.catalogueSync({
      upstream: f.upstream({ timeoutMs: 300, readAttempts: 1 }),
      batchSize: 25,
    });
    const first = await sync.run({
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.done >= 150) controller.abort();
      },
    });
    expect(first.outcome).toBe("aborted");
    const storedAfterFirst = (await storedRows(f)).length;
    expect(storedAfterFirst).toBeGreaterThanOrEqual(100);
    expect(storedAfterFirst).toBeLessThan(300);
    const run = (await f.database.db.select().from(syncRuns).orderBy(asc(syncRuns.id)))[0];
    expect(run).toMatchObject({ outcome: "aborted", stored: first.stored, reason: "interrupted" });
    await expectWatermarkHonest(f);
    expect(await isCatalogueReady(f.database.db)).toBe(false);

    // The next run is still the full one; it skips what is stored and fetches the rest.
    await f.control("DELETE", "faults");
    await quiet(f);
    await f.resetStats();
    const failedBefore = (await listFailures(f.database.db)).length;
    const later = new Date(Date.now() + 10 * 60_000);
    const second = await f.catalogueSync({ now: () => later }).run();
    expect(second).toMatchObject({ kind: "full", outcome: "success", failed: 0 });
    expect(f.detailCalls(await f.stats())).toBe(300 - storedAfterFirst);
    expect(second.changed).toBe(300 - storedAfterFirst);
    expect(failedBefore).toBeLessThanOrEqual(second.changed);
    expect(await storedRows(f)).toHaveLength(300);
    expect(await isCatalogueReady(f.database.db)).toBe(true);
  });

  it("completes a run under a rate limit, slowing down on 429", async () => {
    const f = await open(200);
    await f.control("POST", "faults", { rateLimitPerSecond: 60 });
    const upstream = f.upstream();
    const report = await f.catalogueSync({ upstream }).run();
    expect(report).toMatchObject({ outcome: "success", stored: 200, failed: 0 });
    expect(upstream.meter.rateLimited).toBeGreaterThan(0);
    expect((await f.stats()).statuses["429"]).toBeGreaterThan(0);
    expect(await storedRows(f)).toHaveLength(200);
  });

  it("stops early when the upstream asks to wait longer than it pauses for, and says so", async () => {
    const f = await open(200);
    await f.control("POST", "faults", { rateLimitPerSecond: 20 });
    const report = await f.catalogueSync({ upstream: f.upstream({ readAttempts: 1 }), maxPauseSeconds: 0 }).run();
    expect(report.outcome).toBe("partial");
    expect(report.message).toMatch(/Retry-After/);
    expect((await catalogueSyncStatus(f.database.db)).lastRun).toMatchObject({
      outcome: "partial",
      reason: "upstream_busy",
      message: null,
    });
  });

  it("says why a run failed, and keeps the error's own words for staff", async () => {
    const f = await open(50);
    const refused = await f.catalogueSync({ upstream: f.upstream({ token: "not-a-token" }) }).run();
    expect(refused.outcome).toBe("failed");
    const afterRefusal = (await catalogueSyncStatus(f.database.db)).lastRun;
    expect(afterRefusal).toMatchObject({ outcome: "failed", reason: "upstream_refused" });
    expect(afterRefusal?.message).toBeTruthy();
    expect(afterRefusal?.message).not.toContain("not-a-token");

    await f.control("POST", "faults", { errorRate: 1, paths: "^/products$" });
    const unreachable = await f.catalogueSync({ upstream: f.upstream({ readAttempts: 1 }) }).run();
    expect(unreachable.outcome).toBe("failed");
    const afterOutage = (await catalogueSyncStatus(f.database.db)).lastRun;
    expect(afterOutage).toMatchObject({ outcome: "failed", reason: "upstream_unreachable" });
    expect(afterOutage?.message).toBeTruthy();
    expect(afterOutage?.message).not.toMatch(/<html/i);
  });

  it("lets one run at a time hold the advisory lock", async () => {
    const f = await open(100);
    const [a, b] = await Promise.all([f.catalogueSync().run(), f.catalogueSync().run()]);
    expect([a.ran, b.ran].sort()).toEqual([false, true]);
    expect([a.outcome, b.outcome]).toContain("skipped");
    // Released afterwards: the next run takes it.
    expect((await f.catalogueSync().run()).ran).toBe(true);
    const count = await f.database.db.select({ n: sql<number>`count(*)::int` }).from(syncRuns);
    expect(count[0]?.n).toBe(2);
  });

  it("applies stock colour flips from the stock list", async () => {
    const f = await open(200);
    await f.catalogueSync().run();
    const stock = f.stockSync();
    const full = await stock.run();
    expect(full).toMatchObject({ outcome: "success", full: true, listType: "flat", listed: 200, changed: 0 });

    const [target] = (await storedRows(f)).filter((row) => row.stockColour === "green");
    await f.control("POST", "stock", { sku: target!.sku, colour: "red" });
    const update = await stock.run();
    expect(update).toMatchObject({ outcome: "success", full: false, changed: 1, upstreamCalls: 1 });
    expect(update.listed).toBeLessThan(200);
    const [row] = await f.database.db.select().from(products).where(eq(products.sku, target!.sku));
    expect(row?.stockColour).toBe("red");
    expect(row?.stockUpdatedAt!.getTime()).toBeGreaterThan(target!.stockUpdatedAt!.getTime());
    expect((await catalogueSyncStatus(f.database.db)).stockUpdatedAt).not.toBeNull();
  });

  it("sees a stock flip stamped by an upstream clock behind ours", async () => {
    const f = await open(100);
    await f.catalogueSync().run();
    // Our clock an hour ahead of the (frozen) simulator's.
    const stock = f.stockSync({ now: () => new Date(Date.now() + 60 * 60_000) });
    await stock.run();
    const [target] = (await storedRows(f)).filter((row) => row.stockColour === "green");
    await f.control("POST", "stock", { sku: target!.sku, colour: "red" });
    expect(await stock.run()).toMatchObject({ full: false, changed: 1 });
  });

  it("keeps why the last stock run failed until one succeeds, for staff to read", async () => {
    const f = await open(50);
    await f.catalogueSync().run();
    await f.stockSync().run();
    expect((await catalogueSyncStatus(f.database.db)).stockFailure).toBeNull();

    const refused = await f.stockSync({ upstream: f.upstream({ token: "not-a-token" }) }).run();
    expect(refused.outcome).toBe("failed");
    const failure = (await catalogueSyncStatus(f.database.db)).stockFailure;
    expect(failure).toMatchObject({ reason: "upstream_refused" });
    expect(failure?.message).toBeTruthy();
    expect(failure?.message).not.toContain("not-a-token");

    // The watermark and list type the state keeps survive the failure: the next run goes on as before.
    const next = await f.stockSync().run();
    expect(next).toMatchObject({ outcome: "success", full: false });
    expect((await catalogueSyncStatus(f.database.db)).stockFailure).toBeNull();
  });

  it("falls back to the nested stock list when the flat one is refused", async () => {
    const f = await open(100);
    await f.catalogueSync().run();
    const refusingFlat: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes("listtype=flat")) {
        return new Response(
          JSON.stringify({ message: "The selected listtype is invalid.", errors: { listtype: ["invalid"] } }),
          {
            status: 422,
            headers: { "Content-Type": "application/json" },
          },
        );
      }
      return fetch(input, init);
    };
    const upstream = f.upstream({ fetch: refusingFlat });
    const stock = f.stockSync({ upstream });
    const first = await stock.run();
    expect(first).toMatchObject({ outcome: "success", listType: "nested", listed: 100, upstreamCalls: 2 });
    const second = await stock.run();
    expect(second).toMatchObject({ outcome: "success", listType: "nested", upstreamCalls: 1 });
  });

  it("schedules a first run at once, then incremental and stock runs, and stops cleanly", async () => {
    const f = await open(100);
    const reports: SyncReport[] = [];
    const scheduler = scheduleSync({
      db: f.database.db,
      intervalMinutes: 0.005,
      stockIntervalSeconds: 0.2,
      concurrency: 4,
      logger: silentLogger,
      upstream: () => f.upstream(),
      onCatalogueRun: (report) => reports.push(report),
    });
    const first = await scheduler.firstRun;
    expect(first).toMatchObject({ kind: "full", outcome: "success", stored: 100 });
    await expect.poll(() => reports.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    await expect
      .poll(async () => (await readSyncState(f.database.db, "stock"))?.lastSuccessAt ?? null, { timeout: 5_000 })
      .not.toBeNull();
    await scheduler.stop();
    const runs = reports.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(reports.length).toBe(runs);
    expect(reports[1]).toMatchObject({ kind: "incremental", outcome: "success" });
  });
});
