/**
 * The portal on a Postgres server (DATABASE_URL), as several instances share one: migrations,
 * the sync's advisory lock across instances, and search. Runs when TEST_DATABASE_URL names a
 * server whose user may create databases (`.ci/run` starts one); each test gets a database of its own.
 */
import { randomBytes } from "node:crypto";

import { eq, sql } from "drizzle-orm";
import { Pool } from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";

import { addToStoredCart, cartLineCount, readCart } from "@/lib/cart/store";
import { searchProducts, searchSuggestions } from "@/lib/catalogue/search";
import { upsertProducts } from "@/lib/catalogue/store/products";
import { PORTAL_SESSION_SETTINGS, sessionSettings } from "@/tests/fixtures/session-settings";
import { syncFixture, type SyncFixture } from "@/tests/fixtures/sync";
import { categoryProducts, summariesBySku } from "@/lib/catalogue/queries";
import { getTestEnv } from "@/lib/env";

import { openDatabase, resultRows, type Database, type DatabaseHandle } from "./client";
import { categories, products, syncRuns } from "./schema";

const SERVER = getTestEnv().TEST_DATABASE_URL;

const admin = SERVER ? new Pool({ connectionString: SERVER, max: 2 }) : null;
const created: string[] = [];
const handles: DatabaseHandle[] = [];
let fixture: SyncFixture | undefined;

/** A new, empty database on the server, and its URL. */
async function freshDatabase(): Promise<string> {
  const name = `portal_test_${randomBytes(6).toString("hex")}`;
  await admin!.query(`create database "${name}"`);
  created.push(name);
  const url = new URL(SERVER!);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A portal instance's connection to the database (its own pool), migrated on open. */
async function instance(url: string): Promise<DatabaseHandle> {
  const handle = await openDatabase({ databaseUrl: url, dataDir: "unused" });
  handles.push(handle);
  return handle;
}

afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
  await Promise.all(handles.splice(0).map((handle) => handle.close()));
});

afterAll(async () => {
  for (const name of created) await admin?.query(`drop database if exists "${name}" with (force)`);
  await admin?.end();
});

const noFilters = { inStockOnly: false, dropshipableOnly: false };

describe.skipIf(!SERVER)("on a Postgres server", () => {
  it("gives every pooled connection the portal's session settings", async () => {
    const handle = await instance(await freshDatabase());
    // Two at once: the pool opens a second connection.
    const [first, second] = await Promise.all([0, 1].map(() => sessionSettings(handle.db, 0.1)));
    for (const rows of [first, second]) expect(rows).toEqual(PORTAL_SESSION_SETTINGS);
  });

  it("migrates once when two instances start together", async () => {
    const url = await freshDatabase();
    const [first, second] = await Promise.all([instance(url), instance(url)]);
    const migrations = await first.db.execute<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    const [row] = resultRows<{ n: number }>(migrations);
    expect(row?.n).toBeGreaterThanOrEqual(4);
    expect(first.kind).toBe("postgres");
    await expect(second.db.select().from(products).limit(1)).resolves.toEqual([]);
  });

  it("keeps running when the server drops its idle connections, and answers again", async () => {
    const url = await freshDatabase();
    const handle = await instance(url);
    // Three queries at once leave three idle connections in the pool.
    await Promise.all([1, 2, 3].map(() => handle.db.execute(sql`select pg_sleep(0.05)`)));
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", record);
    try {
      const name = new URL(url).pathname.slice(1);
      const dropped = await admin!.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
        [name],
      );
      expect(dropped.rowCount).toBeGreaterThanOrEqual(3);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const answer = await handle.db.execute<{ one: number }>(sql`select 1 as one`);
      expect(resultRows<{ one: number }>(answer)[0]?.one).toBe(1);
    } finally {
      process.off("uncaughtException", record);
    }
    expect(uncaught, "an idle connection's loss ended up uncaught (it would end the process)").toEqual([]);
  });

  it("lets one instance at a time sync the catalogue, and the other sees it stored", async () => {
    const url = await freshDatabase();
    const [mine, other] = await Promise.all([instance(url), instance(url)]);
    fixture = await syncFixture({ products: 150, database: mine });
    const [a, b] = await Promise.all([fixture.catalogueSync().run(), fixture.catalogueSync({ db: other.db }).run()]);
    expect([a.ran, b.ran].sort()).toEqual([false, true]);
    expect([a.outcome, b.outcome]).toContain("skipped");
    expect([a.outcome, b.outcome]).toContain("success");
    // Released afterwards: the other instance takes it next.
    expect((await fixture.catalogueSync({ db: other.db }).run()).ran).toBe(true);
    const runs = await other.db.select({ n: sql<number>`count(*)::int` }).from(syncRuns);
    expect(runs[0]?.n).toBe(2);
    const stored = await other.db.select({ n: sql<number>`count(*)::int` }).from(products);
    expect(stored[0]?.n).toBe(150);
  });

  it("counts a new product's words once when two instances store it at the same moment", async () => {
    // The sync's batch on one instance and a scan on the other, both storing a product the mirror lacked.
    const url = await freshDatabase();
    const [mine, other] = await Promise.all([instance(url), instance(url)]);
    fixture = await syncFixture({ products: 20, database: mine });
    const { client } = fixture.upstream();
    const [listed] = await client.productSkus();
    const product = { ...(await client.product(listed!.sku)), title: "Kampeerlamp Zeldzaamheid" };
    const store = (db: Database) => upsertProducts(db, [product], new Map(), new Date());

    let firstStored!: () => void;
    let release!: () => void;
    const stored = new Promise<void>((resolve) => (firstStored = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = mine.db.transaction(async (tx) => {
      await store(tx as unknown as Database);
      firstStored();
      await held; // not committed yet: the other instance cannot see the product's row
    });
    await stored;
    const second = other.db.transaction((tx) => store(tx as unknown as Database));
    // Until the second waits on the first: for its turn at the counts, or without turns, for the product's row.
    const waiting = async () =>
      resultRows<{ n: number }>(
        await mine.db.execute(
          sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        ),
      )[0]?.n;
    await expect.poll(waiting, { timeout: 10_000 }).toBe(1);
    release();
    await Promise.all([first, second]);

    const counted = resultRows<{ documents: number }>(
      await other.db.execute(sql`select documents from search_words where word = 'zeldzaamheid'`),
    );
    expect(counted).toEqual([{ documents: 1 }]);
  });

  it("searches and browses the synced catalogue as on PGlite", async () => {
    const url = await freshDatabase();
    const database = await instance(url);
    fixture = await syncFixture({ products: 150, database });
    expect((await fixture.catalogueSync().run()).outcome).toBe("success");

    const [withTitle] = await database.db
      .select({ sku: products.sku, title: products.title })
      .from(products)
      .where(sql`${products.title} ~ '[A-Za-z]{6,}'`)
      .limit(1);
    const word = withTitle!.title!.match(/[A-Za-z]{6,}/)![0];
    const byWord = await searchProducts(database.db, { query: word, filters: noFilters, sort: "relevance", page: 1 });
    expect(byWord.total).toBeGreaterThan(0);
    expect(byWord.items.some((item) => item.title?.includes(word))).toBe(true);

    const prefix = withTitle!.sku.slice(0, 4);
    const bySku = await searchProducts(database.db, { query: prefix, filters: noFilters, sort: "relevance", page: 1 });
    expect(bySku.items[0]?.sku.startsWith(prefix)).toBe(true);
    const skus = bySku.items.map((item) => item.sku).filter((sku) => sku.startsWith(prefix));
    expect(skus).toEqual([...skus].sort());

    const misspelt = word.slice(0, 3) + word.slice(4);
    const byTypo = await searchProducts(database.db, {
      query: misspelt,
      filters: noFilters,
      sort: "relevance",
      page: 1,
    });
    expect(byTypo.closeMatches).toBe(true);
    expect(byTypo.total).toBeGreaterThan(0);
    expect((await searchSuggestions(database.db, prefix)).length).toBeGreaterThan(0);

    const [root] = await database.db.select().from(categories).where(eq(categories.level, 1)).limit(1);
    const page = await categoryProducts(database.db, {
      categoryCode: root!.code,
      filters: noFilters,
      sort: "relevance",
      page: 1,
    });
    expect(page.items.length).toBeGreaterThan(0);
    // Summaries read by SKU (one JSON value from the server) are the listing's own.
    const summaries = await summariesBySku(
      database.db,
      page.items.map((item) => item.sku),
    );
    for (const item of page.items) expect(summaries.get(item.sku)).toEqual(item);
  });

  it("adds to one cart from two instances at once: one cart, every line, every quantity", async () => {
    const url = await freshDatabase();
    const [first, second] = [await instance(url), await instance(url)];
    const owner = { userKey: "dealer@acme.example", customerCode: "EA00001" };
    // The first adds race to make the cart; then the same lines are added to from both sides.
    const adds = Array.from({ length: 20 }, (_, index) =>
      addToStoredCart((index % 2 ? first : second).db, owner, [
        { sku: `S${index % 4}`, quantity: 1 },
        { sku: `T${index}`, quantity: 2 },
      ]),
    );
    const results = await Promise.all(adds);
    for (const result of results) {
      expect(result.lines.size).toBe(2);
      for (const { before, after } of result.lines.values()) expect(after).toBeGreaterThan(before);
    }
    const lines = new Map((await readCart(first.db, owner)).map((line) => [line.sku, line.quantity]));
    expect(lines.size).toBe(24);
    for (let index = 0; index < 4; index++) expect(lines.get(`S${index}`)).toBe(5);
    for (let index = 0; index < 20; index++) expect(lines.get(`T${index}`)).toBe(2);
    expect(await cartLineCount(second.db, owner)).toBe(24);
    const [carts] = resultRows<{ count: number | string }>(
      await first.db.execute(sql`select count(*) as count from carts`),
    );
    expect(Number(carts!.count)).toBe(1);
  });
});
