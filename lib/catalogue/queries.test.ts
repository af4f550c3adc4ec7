import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openMemoryDatabase, type DatabaseHandle } from "@/lib/db/client";
import { products } from "@/lib/db/schema";

import { searchProducts, searchSuggestions } from "./queries";

/** Search over a real PGlite database with a handful of products. */
let handle: DatabaseHandle;

const product = (sku: string, title: string, extra: Partial<typeof products.$inferInsert> = {}) => ({
  sku,
  title,
  priceUnit: "STUKS",
  salesUnit: "STUKS",
  attributeText: "",
  ...extra,
});

beforeAll(async () => {
  handle = await openMemoryDatabase();
  await handle.db.insert(products).values([
    product("0108001", "Kookplaat 2-pits RVS – Cuvano HBG 2335", {
      barcode: "4015704284195",
      vendorItemNo: "HBG 2335",
    }),
    product("0108002", "Gasfles aansluitset 30 mbar", { stockColour: "green" }),
    product("A0009953", "Dompelpomp 12V voor watertank"),
    product("0108003", "Kookplaat 3-pits zwart", { available: false }),
  ]);
}, 60_000);

afterAll(async () => {
  await handle?.close();
});

const skus = async (query: string) =>
  (
    await searchProducts(handle.db, {
      query,
      filters: { inStockOnly: false, dropshipableOnly: false },
      sort: "relevance",
      page: 1,
    })
  ).items.map((item) => item.sku);

describe("searchProducts", () => {
  it("finds Dutch words with stemming and prefixes", async () => {
    expect(await skus("kookplaat 2 pits")).toEqual(["0108001"]);
    expect(await skus("kookpl")).toEqual(["0108001"]);
  });

  it("ranks an exact SKU, vendor item number or barcode first", async () => {
    expect((await skus("0108002"))[0]).toBe("0108002");
    expect(await skus("4015704284195")).toEqual(["0108001"]);
    expect(await skus("hbg2335")).toEqual(["0108001"]);
    expect(await skus("0108")).toEqual(expect.arrayContaining(["0108001", "0108002"]));
  });

  it("tolerates a typo", async () => {
    const result = await searchProducts(handle.db, {
      query: "dompelpmp",
      filters: { inStockOnly: false, dropshipableOnly: false },
      sort: "relevance",
      page: 1,
    });
    expect(result.closeMatches).toBe(true);
    expect(result.items.map((item) => item.sku)).toEqual(["A0009953"]);
  });

  it("leaves out products no longer offered", async () => {
    expect(await skus("zwart")).toEqual([]);
  });

  it("answers punctuation-only queries without an error", async () => {
    for (const query of ["#", "%", "'", ":*", "&|!", "   "]) await expect(skus(query)).resolves.toBeDefined();
    await expect(searchSuggestions(handle.db, "#")).resolves.toEqual([]);
  });
});
