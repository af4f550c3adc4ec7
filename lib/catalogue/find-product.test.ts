import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { productsBySku } from "@/lib/cart/resolve";
import { addToStoredCart, readCart } from "@/lib/cart/store";
import { openMemoryDatabase, resultRows, type DatabaseHandle } from "@/lib/db/client";
import type { Product } from "@/lib/domain/product";
import { UpstreamClient } from "@/lib/upstream";
import { startSimulator, type RunningSimulator } from "@/tests/fixtures/simulator";

import { findProduct } from "./find-product";

/** A product the mirror does not have yet (a scan before the first sync, or a new product). */
let simulator: RunningSimulator;
let handle: DatabaseHandle;
let client: UpstreamClient;
let scanned: Product;

const CONTROL_KEY = "find-product-key";

async function faults(body: unknown) {
  await fetch(`${simulator.url}/__sim/faults`, {
    method: "POST",
    headers: { "x-sim-key": CONTROL_KEY, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, products: 60, seed: "find-product", controlKey: CONTROL_KEY });
  handle = await openMemoryDatabase();
  client = new UpstreamClient(
    { baseUrl: simulator.url, token: simulator.sim.options.serviceToken, timeoutMs: 2_000, readAttempts: 1 },
    "/media",
  );
  const listed = await client.productSkus();
  for (const entry of listed) {
    const product = await client.product(entry.sku);
    if (product.barcode && !product.blocked && product.prices.length && !product.prices[0]!.priceOnDemand) {
      scanned = product;
      break;
    }
  }
}, 60_000);

afterAll(async () => {
  await handle?.close();
  await simulator?.close();
});

const noUpstream = async (): Promise<UpstreamClient> => {
  throw new Error("the upstream must not be asked");
};

describe("findProduct", () => {
  it("asks the upstream for a barcode the mirror lacks, and stores the answer so that it can go into the cart", async () => {
    const found = await findProduct(handle.db, async () => client, { barcode: scanned.barcode!.value });
    expect(found).toMatchObject({ source: "upstream", product: { sku: scanned.sku } });

    const stored = (await productsBySku(handle.db, [scanned.sku])).get(scanned.sku);
    expect(stored).toMatchObject({ sku: scanned.sku, available: true, barcode: scanned.barcode!.value });
    // Its words are words a misspelling can be corrected to, counted once.
    const titleWord = (scanned.title ?? "")
      .toLowerCase()
      .split(/[^a-zà-öø-ÿ]+/)
      .find((word) => word.length >= 4);
    expect(titleWord, `a word of "${scanned.title}"`).toBeDefined();
    const words = resultRows<{ word: string; documents: number }>(
      await handle.db.execute(sql`select word, documents from search_words`),
    );
    expect(words).toContainEqual({ word: titleWord, documents: 1 });
    const owner = { userKey: "dealer@acme.example", customerCode: "EA00001" };
    await addToStoredCart(handle.db, owner, [{ sku: scanned.sku, quantity: scanned.salesUnitAmount }]);
    expect(await readCart(handle.db, owner)).toEqual([
      expect.objectContaining({ sku: scanned.sku, quantity: scanned.salesUnitAmount }),
    ]);

    // The next scan of it is answered by the mirror.
    const again = await findProduct(handle.db, noUpstream, { barcode: scanned.barcode!.value });
    expect(again).toMatchObject({ source: "mirror", product: { sku: scanned.sku } });
  });

  it("says not found for a barcode the wholesaler does not know, and stores nothing", async () => {
    expect(await findProduct(handle.db, async () => client, { barcode: "4006381333931" })).toBeNull();
    expect((await productsBySku(handle.db, ["4006381333931"])).size).toBe(0);
  });

  it("says the wholesaler could not be asked when it is down", async () => {
    await faults({ errorRate: 1 });
    try {
      expect(await findProduct(handle.db, async () => client, { barcode: "8712345678906" })).toEqual({
        source: "unreachable",
      });
    } finally {
      await faults({});
    }
  });
});
