import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openMemoryDatabase, resultRows, type DatabaseHandle } from "@/lib/db/client";
import { products } from "@/lib/db/schema";

import { CacheTags } from "./cache";
import { invalidateCatalogue } from "./cache-queries";
import { CatalogueWordList, catalogueWordList } from "./catalogue-words";
import { searchProducts } from "./search";
import { addSearchWords } from "./store/products";

describe("CatalogueWordList", () => {
  const list = CatalogueWordList.of(["kookplaat", "kookplaatset", "water", "watertank", "zwart", "één", "eend"]);

  it("says whether a typed word is a word of the catalogue, and whether a longer one starts with it", () => {
    expect(list.facts("kookplaat")).toEqual({ listed: true, longer: true });
    expect(list.facts("kookplaatset")).toEqual({ listed: true, longer: false });
    expect(list.facts("kookpl")).toEqual({ listed: false, longer: true });
    expect(list.facts("zwart")).toEqual({ listed: true, longer: false });
    expect(list.facts("zwarte")).toEqual({ listed: false, longer: false });
    expect(list.facts("aaa")).toEqual({ listed: false, longer: false });
    expect(list.facts("zzz")).toEqual({ listed: false, longer: false });
    expect(list.facts("ee")).toEqual({ listed: false, longer: true });
    expect(list.facts("één")).toEqual({ listed: true, longer: false });
  });

  it("answers for an empty catalogue", () => {
    expect(CatalogueWordList.of([]).facts("water")).toEqual({ listed: false, longer: false });
  });
});

describe("catalogueWordList on the mirror", () => {
  let handle: DatabaseHandle;
  const product = (sku: string, title: string) => ({
    sku,
    title,
    priceUnit: "STUKS",
    salesUnit: "STUKS",
    attributeText: "",
  });

  beforeAll(async () => {
    handle = await openMemoryDatabase();
    await handle.db
      .insert(products)
      .values([
        product("0108001", "Kookplaat 2-pits RVS"),
        product("0108002", "Gasfles aansluitset 30 mbar"),
        product("A0009953", "Dompelpomp 12V voor watertank"),
        product("0108004", "Waterslang blauw"),
        product("0108005", "Wandlamp crème"),
      ]);
    await addSearchWords(handle.db, ["0108001", "0108002", "A0009953", "0108004", "0108005"]);
  }, 60_000);

  afterAll(async () => {
    await handle?.close();
  });

  it("says what the database says of every word, its starts and words it does not have", async () => {
    const stored = resultRows<{ word: string }>(await handle.db.execute(sql`select word from search_words`)).map(
      (row) => row.word,
    );
    expect(stored).toContain("crème");
    const typed = [
      ...stored,
      ...stored.map((word) => word.slice(0, 3)),
      ...stored.map((word) => `${word}s`),
      "zwart",
      "cr",
      "12v",
    ];
    // The database's own answer, in byte order as the index reads it.
    const expected = resultRows<{ word: string; listed: boolean; longer: boolean }>(
      await handle.db.execute(sql`
        select typed.word,
          exists (select 1 from search_words where word = typed.word) as listed,
          exists (
            select 1 from search_words
            where word collate "C" > typed.word and word collate "C" < typed.word || chr(1114111)
          ) as longer
        from unnest(${sql.param(typed)}::text[]) as typed(word)`),
    );
    const list = await catalogueWordList(handle.db);
    expect(list.size).toBe(stored.length);
    expect(typed.map((word) => ({ word, ...list.facts(word) }))).toEqual(expected);
  });

  it("is read again once the sync's invalidation of search results comes, and not before", async () => {
    const search = async (query: string) =>
      (
        await searchProducts(handle.db, {
          query,
          filters: { inStockOnly: false, dropshipableOnly: false },
          sort: "relevance",
          page: 1,
        })
      ).items.map((item) => item.sku);
    // "dompelpomp" is a whole word: no longer word starts with it.
    expect(await search("dompelpomp")).toEqual(["A0009953"]);
    const before = await catalogueWordList(handle.db);
    expect(before.facts("dompelpomp")).toEqual({ listed: true, longer: false });

    // As the sync stores a product: its words, then (committed) the invalidation.
    await handle.db.insert(products).values(product("A0009954", "Dompelpompset 24V"));
    await addSearchWords(handle.db, ["A0009954"]);
    expect(await catalogueWordList(handle.db)).toBe(before);
    await invalidateCatalogue(handle.db, [CacheTags.search]);

    const after = await catalogueWordList(handle.db);
    expect(after).not.toBe(before);
    expect(after.facts("dompelpomp")).toEqual({ listed: true, longer: true });
    // Now matched as the start of "dompelpompset" too.
    expect((await search("dompelpomp")).sort()).toEqual(["A0009953", "A0009954"]);
  });

  it("reads again after ten minutes", async () => {
    const first = await catalogueWordList(handle.db);
    expect(await catalogueWordList(handle.db, () => Date.now() + 9 * 60_000)).toBe(first);
    expect(await catalogueWordList(handle.db, () => Date.now() + 11 * 60_000)).not.toBe(first);
  });
});
