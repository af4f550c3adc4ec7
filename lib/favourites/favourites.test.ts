import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { upsertProducts } from "@/lib/catalogue/store/products";
import { openMemoryDatabase, type DatabaseHandle } from "@/lib/db/client";
import { purchasedLines } from "@/lib/db/schema";
import type { Product } from "@/lib/domain/product";
import { UpstreamClient } from "@/lib/upstream";
import { startSimulator, type RunningSimulator } from "@/tests/fixtures/simulator";

import { addFavourite, removeFavourite, toggleFavourite } from "./edit";
import { favouriteSkus, isFavourite } from "./favourite-skus";
import { listFavourites } from "./list-favourites";
import { MAX_FAVOURITES, type FavouritesSession } from "./owner";
import { setFavouriteInput } from "./schemas";

/** Favourites per customer code against a real PGlite mirror filled from the simulator. */
let simulator: RunningSimulator;
let handle: DatabaseHandle;
let products: Product[];

const dealer: FavouritesSession = {
  email: "dealer@acme.example",
  name: "Daan de Vries",
  customerCode: "EA00001",
  activeCustomerCode: "EA00001",
  permissions: [],
};
/** A second user of the same customer. */
const colleague: FavouritesSession = { ...dealer, email: "colleague@acme.example", name: "Kees" };
const otherDealer: FavouritesSession = {
  email: "limited@bakker.example",
  name: "Bram Bakker",
  customerCode: "EA00002",
  activeCustomerCode: "EA00002",
  permissions: [],
};
const staff: FavouritesSession = {
  email: "admin@wholesaler.example",
  name: "Wendy",
  customerCode: "WS00001",
  activeCustomerCode: "WS00001",
  permissions: ["companies"],
};

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, products: 40, seed: "favourites" });
  handle = await openMemoryDatabase();
  // Setup only: every product read at once, beside the build in CI on two cores; a slow answer is not what these tests are about.
  const client = new UpstreamClient(
    { baseUrl: simulator.url, token: simulator.sim.options.serviceToken, timeoutMs: 20_000, readAttempts: 1 },
    "/media",
  );
  products = await Promise.all((await client.productSkus()).slice(0, 12).map((entry) => client.product(entry.sku)));
  await upsertProducts(handle.db, products, new Map(), new Date());
}, 180_000);

afterAll(async () => {
  await handle?.close();
  await simulator?.close();
});

describe("favourites", () => {
  it("belong to the customer code: a colleague sees them, another customer does not", async () => {
    const [first, second] = products;
    expect(await addFavourite(dealer, { sku: first!.sku }, handle.db)).toEqual({ ok: true, favourite: true });
    expect(await addFavourite(colleague, { sku: second!.sku }, handle.db)).toEqual({ ok: true, favourite: true });

    const shared = await listFavourites(dealer, handle.db);
    expect(shared.items.map((item) => item.sku).sort()).toEqual([first!.sku, second!.sku].sort());
    expect((await listFavourites(colleague, handle.db)).items).toHaveLength(2);

    expect((await listFavourites(otherDealer, handle.db)).items).toEqual([]);
    expect(await isFavourite(otherDealer, first!.sku, handle.db)).toBe(false);
    // Removing by another customer leaves the first customer's favourite alone.
    await removeFavourite(otherDealer, { sku: first!.sku }, handle.db);
    expect(await isFavourite(dealer, first!.sku, handle.db)).toBe(true);
  });

  it("a session naming another customer without the staff permission still has its own favourites", async () => {
    const forged = { ...otherDealer, activeCustomerCode: "EA00001" };
    expect((await listFavourites(forged, handle.db)).items).toEqual([]);
    await addFavourite(forged, { sku: products[3]!.sku }, handle.db);
    expect(await isFavourite(dealer, products[3]!.sku, handle.db)).toBe(false);
    expect(await isFavourite(otherDealer, products[3]!.sku, handle.db)).toBe(true);
  });

  it("staff acting for a customer see and change that customer's favourites", async () => {
    const acting = { ...staff, activeCustomerCode: "EA00001" };
    const before = await favouriteSkus(dealer, undefined, handle.db);
    expect(await favouriteSkus(acting, undefined, handle.db)).toEqual(before);
    await addFavourite(acting, { sku: products[4]!.sku }, handle.db);
    expect(await isFavourite(dealer, products[4]!.sku, handle.db)).toBe(true);
    // Their own (not acting) favourites are another set.
    expect((await favouriteSkus(staff, undefined, handle.db)).has(products[4]!.sku)).toBe(false);
  });

  it("the star sets the state asked for: twice 'add' is one favourite, 'remove' of a missing one is fine", async () => {
    const sku = products[5]!.sku;
    await toggleFavourite(dealer, { sku, favourite: true }, handle.db);
    await toggleFavourite(dealer, { sku, favourite: true }, handle.db);
    expect([...(await favouriteSkus(dealer, [sku], handle.db))]).toEqual([sku]);
    expect(await toggleFavourite(dealer, { sku, favourite: false }, handle.db)).toEqual({ ok: true, favourite: false });
    expect(await toggleFavourite(dealer, { sku, favourite: false }, handle.db)).toEqual({ ok: true, favourite: false });
    expect(await isFavourite(dealer, sku, handle.db)).toBe(false);
  });

  it("refuses a SKU the catalogue does not have, and bad input before any use case", async () => {
    expect(await addFavourite(dealer, { sku: "NO-SUCH-SKU" }, handle.db)).toEqual({
      ok: false,
      error: "unknown-product",
      favourite: false,
    });
    expect(setFavouriteInput.safeParse({ sku: "A\u0000B", favourite: "true" }).success).toBe(false);
    expect(setFavouriteInput.safeParse({ sku: "x".repeat(65), favourite: "true" }).success).toBe(false);
    expect(setFavouriteInput.safeParse({ sku: products[0]!.sku, favourite: "maybe" }).success).toBe(false);
    expect(setFavouriteInput.safeParse({ sku: products[0]!.sku, favourite: "false" }).data?.favourite).toBe(false);
  });

  it("lists stock colour, list price and the last price paid by this customer only", async () => {
    const product = products[6]!;
    await addFavourite(dealer, { sku: product.sku }, handle.db);
    await addFavourite(otherDealer, { sku: product.sku }, handle.db);
    await handle.db.insert(purchasedLines).values([
      {
        customerCode: "EA00001",
        orderId: "1",
        sku: product.sku,
        quantity: 1,
        unitPrice: "9.5000",
        orderedAt: new Date("2026-01-01"),
      },
      {
        customerCode: "EA00001",
        orderId: "2",
        sku: product.sku,
        quantity: 1,
        unitPrice: "8.2500",
        orderedAt: new Date("2026-03-01"),
      },
      {
        customerCode: "EA00001",
        orderId: "3",
        sku: product.sku,
        quantity: 1,
        unitPrice: null,
        orderedAt: new Date("2026-04-01"),
      },
      {
        customerCode: "EA00002",
        orderId: "9",
        sku: product.sku,
        quantity: 1,
        unitPrice: "1.0000",
        orderedAt: new Date("2026-05-01"),
      },
    ]);
    const mine = (await listFavourites(dealer, handle.db)).items.find((item) => item.sku === product.sku)!;
    expect(mine.lastPaid).toMatchObject({ unitPrice: 8.25, currency: "EUR" });
    expect(mine.lastPaid?.orderedAt.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(mine.product).toMatchObject({
      sku: product.sku,
      stockColour: product.stockColour,
      salesUnit: product.salesUnit,
    });
    const theirs = (await listFavourites(otherDealer, handle.db)).items.find((item) => item.sku === product.sku)!;
    expect(theirs.lastPaid?.unitPrice).toBe(1);
    const noPurchase = (await listFavourites(dealer, handle.db)).items.find((item) => item.sku === products[0]!.sku)!;
    expect(noPurchase.lastPaid).toBeNull();
  });

  it(`says so plainly when a customer has ${MAX_FAVOURITES} favourites`, async () => {
    const crowded: FavouritesSession = { ...dealer, customerCode: "EA09999", activeCustomerCode: "EA09999" };
    await handle.db.execute(
      `insert into favourites (customer_code, sku, added_by)
       select 'EA09999', 'FILL-' || n, 'x' from generate_series(1, ${MAX_FAVOURITES}) n` as never,
    );
    expect(await addFavourite(crowded, { sku: products[0]!.sku }, handle.db)).toEqual({
      ok: false,
      error: "limit",
      favourite: false,
    });
    // Taking one out makes room again.
    await removeFavourite(crowded, { sku: "FILL-1" }, handle.db);
    expect(await addFavourite(crowded, { sku: products[0]!.sku }, handle.db)).toEqual({ ok: true, favourite: true });
  });
});
