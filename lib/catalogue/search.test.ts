import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openMemoryDatabase, type DatabaseHandle } from "@/lib/db/client";
import { eq, inArray } from "drizzle-orm";

import { products } from "@/lib/db/schema";

import { SEARCH_CANDIDATES, searchProducts, searchSuggestions } from "./search";
import { applyStockColours } from "./store/stock";
import { markUnavailable } from "./store/products";
import { countSearchWords } from "./store/search-words";

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
  await countSearchWords(handle.db, ["0108001", "0108002", "A0009953", "0108003"]);
}, 60_000);

afterAll(async () => {
  await handle?.close();
});

/** A search by relevance, first page, no filter, unless `extra` says otherwise. */
const search = (query: string, extra: Partial<Parameters<typeof searchProducts>[1]> = {}) =>
  searchProducts(handle.db, {
    query,
    filters: { inStockOnly: false, dropshipableOnly: false },
    sort: "relevance",
    page: 1,
    ...extra,
  });

const skus = async (query: string) => (await search(query)).items.map((item) => item.sku);

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

  it("tolerates a typo, and says which words it searched for instead", async () => {
    const result = await search("dompelpmp");
    expect(result.closeMatches).toBe(true);
    expect(result.correctedQuery).toBe("dompelpomp");
    expect(result.items.map((item) => item.sku)).toEqual(["A0009953"]);
  });

  it("tries the corrected words in the same search, for any sort, filter and page", async () => {
    // An old link past the last page: the last page of the close matches.
    const pastTheEnd = await search("dompelpmp", { page: 3 });
    expect(pastTheEnd).toMatchObject({ page: 1, pageCount: 1, closeMatches: true, correctedQuery: "dompelpomp" });
    expect(pastTheEnd.items.map((item) => item.sku)).toEqual(["A0009953"]);
    const byTitle = await search("dompelpmp", { sort: "title" });
    expect(byTitle).toMatchObject({ closeMatches: true, correctedQuery: "dompelpomp", total: 1 });
    // The filter holds for the corrected words too: the pump is not in stock.
    const inStock = await search("dompelpmp", { filters: { inStockOnly: true, dropshipableOnly: false } });
    expect(inStock).toMatchObject({ total: 0, items: [], closeMatches: false });
    // Corrected, the two words are in no product together: any of them.
    const either = await search("gasfles watertnk");
    expect(either.closeMatches).toBe(true);
    expect(either.correctedQuery).toBeNull();
    expect(either.items.map((item) => item.sku).sort()).toEqual(["0108002", "A0009953"]);
  });

  it("finds what a word the catalogue does not know matches as typed (by its stem, as a SKU), without correcting it", async () => {
    // "kookplaten" starts no word of the catalogue; its Dutch stem is that of "kookplaat".
    const result = await search("kookplaten");
    expect(result).toMatchObject({ closeMatches: false, correctedQuery: null });
    expect(result.items.map((item) => item.sku)).toEqual(["0108001"]);
    // A SKU is no word of the catalogue: corrected it would be "kabels", but as typed it is a product.
    await handle.db.insert(products).values([product("KABELZ", "Verloopstuk"), product("0109090", "Kabels 5 m")]);
    await countSearchWords(handle.db, ["KABELZ", "0109090"]);
    const bySku = await search("kabelz");
    expect(bySku).toMatchObject({ closeMatches: false, correctedQuery: null, total: 1 });
    expect(bySku.items.map((item) => item.sku)).toEqual(["KABELZ"]);
    await handle.db.delete(products).where(inArray(products.sku, ["KABELZ", "0109090"]));
  });

  it("falls back to any of several words when no product has them all", async () => {
    const result = await searchProducts(handle.db, {
      query: "gasfles watertank",
      filters: { inStockOnly: false, dropshipableOnly: false },
      sort: "relevance",
      page: 1,
    });
    expect(result.closeMatches).toBe(true);
    expect(result.items.map((item) => item.sku).sort()).toEqual(["0108002", "A0009953"]);
  });

  it("matches a vendor item number typed without its space or punctuation", async () => {
    expect(await skus("hbg2335")).toEqual(["0108001"]);
    expect(await skus("HBG-23")).toEqual(["0108001"]);
  });

  it("finds a word of the catalogue as the start of a longer one", async () => {
    expect(await skus("dompel")).toEqual(["A0009953"]);
    expect(await skus("water")).toEqual(["A0009953"]);
  });

  it("ranks SKU prefix matches in SKU order and counts at most SEARCH_CANDIDATES of them", async () => {
    const many = Array.from({ length: SEARCH_CANDIDATES + 5 }, (_, index) =>
      product(`Z${String(index).padStart(5, "0")}`, `Schroef ${index}`),
    );
    for (let start = 0; start < many.length; start += 200)
      await handle.db.insert(products).values(many.slice(start, start + 200));
    const first = await searchProducts(handle.db, {
      query: "z00",
      filters: { inStockOnly: false, dropshipableOnly: false },
      sort: "relevance",
      page: 1,
    });
    expect(first.items.map((item) => item.sku).slice(0, 3)).toEqual(["Z00000", "Z00001", "Z00002"]);
    expect(first).toMatchObject({ total: SEARCH_CANDIDATES, totalIsLowerBound: true });
    const beyond = await searchProducts(handle.db, {
      query: "z00",
      filters: { inStockOnly: false, dropshipableOnly: false },
      sort: "relevance",
      page: 999,
    });
    expect(beyond.page).toBe(Math.ceil(SEARCH_CANDIDATES / 24));
    expect(beyond.items.length).toBeGreaterThan(0);
    const exact = await searchProducts(handle.db, {
      query: "z00",
      filters: { inStockOnly: false, dropshipableOnly: false },
      sort: "sku",
      page: 1,
    });
    expect(exact.items[0]?.sku).toBe("Z00000");
  });

  it("leaves out products no longer offered", async () => {
    expect(await skus("zwart")).toEqual([]);
  });

  it("follows every write of a product at once: title, stock colour, availability, drop-shipping, removal", async () => {
    // What matches as typed (close matches from the spelling fallback are not counted).
    const search = async (query: string, filters = { inStockOnly: false, dropshipableOnly: false }) => {
      const result = await searchProducts(handle.db, { query, filters, sort: "relevance", page: 1 });
      return result.closeMatches ? [] : result.items.map((item) => item.sku);
    };
    await handle.db.insert(products).values(product("0109001", "Luifellamp LED 12V"));
    expect(await search("luifellamp")).toEqual(["0109001"]);
    expect(await search("luifellamp", { inStockOnly: true, dropshipableOnly: false })).toEqual([]);
    // A SKU prefix is matched in the narrow copy too: it follows the same writes.
    expect(await search("010900")).toContain("0109001");
    expect(await search("010900", { inStockOnly: true, dropshipableOnly: false })).not.toContain("0109001");

    await handle.db.update(products).set({ title: "Tentlamp LED 12V" }).where(eq(products.sku, "0109001"));
    expect(await search("tentlamp")).toEqual(["0109001"]);
    expect(await search("luifellamp led")).toEqual([]);

    await applyStockColours(handle.db, new Map([["0109001", "green"]]), new Date());
    expect(await search("tentlamp", { inStockOnly: true, dropshipableOnly: false })).toEqual(["0109001"]);
    expect(await search("010900", { inStockOnly: true, dropshipableOnly: false })).toContain("0109001");
    await handle.db.update(products).set({ dropshipable: true }).where(eq(products.sku, "0109001"));
    expect(await search("tentlamp", { inStockOnly: true, dropshipableOnly: true })).toEqual(["0109001"]);

    await markUnavailable(handle.db, ["0109001"], new Date());
    expect(await search("tentlamp")).toEqual([]);
    expect(await search("010900")).not.toContain("0109001");
    await handle.db.update(products).set({ available: true }).where(eq(products.sku, "0109001"));
    expect(await search("tentlamp")).toEqual(["0109001"]);
    const sorted = await searchProducts(handle.db, {
      query: "tentlamp",
      filters: { inStockOnly: false, dropshipableOnly: false },
      sort: "title",
      page: 1,
    });
    expect(sorted.items.map((item) => item.sku)).toEqual(["0109001"]);

    await handle.db.delete(products).where(eq(products.sku, "0109001"));
    expect(await search("tentlamp")).toEqual([]);
    expect(await search("010900")).not.toContain("0109001");
  });

  it("answers punctuation-only queries without an error", async () => {
    for (const query of ["#", "%", "'", ":*", "&|!", "   "]) await expect(skus(query)).resolves.toBeDefined();
    await expect(searchSuggestions(handle.db, "#")).resolves.toEqual([]);
  });
});
