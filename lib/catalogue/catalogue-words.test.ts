import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openMemoryDatabase, resultRows, type DatabaseHandle } from "@/lib/db/client";
import { products } from "@/lib/db/schema";

import { CacheTags } from "./cache";
import { invalidateCatalogue } from "./cache-queries";
import { CatalogueWordList, catalogueWordList } from "./catalogue-words";
import { searchProducts } from "./search";
import { countSearchWords } from "./store/search-words";
import { trigramsOf } from "./trigrams";

/** Each word once, as the sync adds it. */
const counted = (words: string[], documents = 1) => words.map((word) => ({ word, documents }));

describe("CatalogueWordList", () => {
  const list = CatalogueWordList.of(
    counted(["kookplaat", "kookplaatset", "water", "watertank", "zwart", "één", "eend"]),
  );

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
    expect(CatalogueWordList.of([]).closest("water")).toBeNull();
  });

  it("corrects a misspelt word to the closest word, the commoner of two as close, then the first", () => {
    expect(list.closest("kookplat")).toBe("kookplaat");
    expect(list.closest("watertanc")).toBe("watertank");
    expect(list.closest("watertnak")).toBe("water");
    expect(list.closest("zwat")).toBe("zwart");
    expect(list.closest("zwrat")).toBeNull();
    expect(list.closest("eenc")).toBe("eend");
    // Nothing within the threshold.
    expect(list.closest("pomp")).toBeNull();
    // "wandlamp" and "wandlamo" are equally close to "wandlam"; the commoner wins, then the first in order.
    const lamps = (lampDocuments: number, lamoDocuments: number) =>
      CatalogueWordList.of([
        { word: "wandlamp", documents: lampDocuments },
        { word: "wandlamo", documents: lamoDocuments },
      ]).closest("wandlam");
    expect(lamps(3, 1)).toBe("wandlamp");
    expect(lamps(1, 3)).toBe("wandlamo");
    expect(lamps(2, 2)).toBe("wandlamo");
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
        product("0108006", "Handlamp oplaadbaar"),
        product("0108007", "Bandlamp zwart"),
      ]);
    await countSearchWords(handle.db, ["0108001", "0108002", "A0009953", "0108004", "0108005", "0108006", "0108007"]);
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

  it("has the trigrams the database has", async () => {
    const words = ["kookplaat", "a", "ab", "12v", "waterslang blauw", "Dompelpomp-12V"];
    const expected = resultRows<{ trigrams: string[] }>(
      await handle.db.execute(
        sql`select show_trgm(typed.word) as trigrams from unnest(${sql.param(words)}::text[]) as typed(word)`,
      ),
    ).map((row) => row.trigrams);
    expect(words.map((word) => [...trigramsOf(word)].sort())).toEqual(expected.map((trigrams) => [...trigrams].sort()));
    // The database shows a trigram with a letter outside ASCII as a hash: the count is the same.
    const [creme] = resultRows<{ count: number }>(
      await handle.db.execute(sql`select cardinality(show_trgm('crème')) as count`),
    );
    expect(trigramsOf("crème").size).toBe(creme!.count);
  });

  it("corrects every misspelling to the word the database's trigram search chooses", async () => {
    const stored = resultRows<{ word: string }>(await handle.db.execute(sql`select word from search_words`)).map(
      (row) => row.word,
    );
    // Some words counted more often, so that the commoner of two as close is chosen as the database does.
    await handle.db.execute(sql`update search_words set documents = length(word) % 3 + 1`);
    const typos = stored.flatMap((word) => [
      word.slice(1),
      word.slice(0, -1),
      `${word.slice(0, 2)}${word.slice(3)}`,
      `${word.slice(0, 1)}${word[2] ?? ""}${word[1] ?? ""}${word.slice(3)}`,
      `${word}e`,
      word.replace(/a/g, "e"),
    ]);
    // "andlamp" is as close to "bandlamp", "handlamp" and "wandlamp".
    const typed = [
      ...new Set([...typos, "andlamp", "pomp", "lamp", "water", "slang", "kook", "bla", "xyz", "12v", "crme"]),
    ];
    const expected = resultRows<{ typed: string; corrected: string | null }>(
      await handle.db.execute(sql`
        select typed.word as typed, (
          select word from search_words
          where word % typed.word
          order by similarity(word, typed.word) desc, documents desc, word
          limit 1
        ) as corrected
        from unnest(${sql.param(typed)}::text[]) as typed(word)`),
    );
    await invalidateCatalogue(handle.db, [CacheTags.search]);
    const list = await catalogueWordList(handle.db);
    expect(typed.map((word) => ({ typed: word, corrected: list.closest(word) }))).toEqual(expected);
    // Not only words the database leaves as they are.
    expect(expected.filter((row) => row.corrected !== null).length).toBeGreaterThan(typed.length / 2);
    await handle.db.execute(sql`update search_words set documents = 1`);
    await invalidateCatalogue(handle.db, [CacheTags.words]);
  });

  it("is read again once the sync's invalidation of the words comes, and not before", async () => {
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
    await countSearchWords(handle.db, ["A0009954"]);
    expect(await catalogueWordList(handle.db)).toBe(before);
    // A stock colour's change invalidates search results, not the words.
    await invalidateCatalogue(handle.db, [CacheTags.stock, CacheTags.search]);
    expect(await catalogueWordList(handle.db)).toBe(before);
    await invalidateCatalogue(handle.db, [CacheTags.words, CacheTags.search]);

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
