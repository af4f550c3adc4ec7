import { readFileSync } from "node:fs";
import path from "node:path";

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openMemoryDatabase, resultRows, type DatabaseHandle } from "@/lib/db/client";
import { products } from "@/lib/db/schema";

import { countSearchWords, withdrawSearchWords } from "./search-words";

let handle: DatabaseHandle;
const product = (sku: string, title: string, attributeText = "", available = true) => ({
  sku,
  title,
  priceUnit: "STUKS",
  salesUnit: "STUKS",
  attributeText,
  available,
});

const words = async () =>
  resultRows<{ word: string; documents: number }>(
    await handle.db.execute(sql`select word, documents from search_words order by word`),
  );

beforeAll(async () => {
  handle = await openMemoryDatabase();
  await handle.db
    .insert(products)
    .values([
      product("0108001", "Kookplaat 2-pits RVS", "Kleur zwart"),
      product("0108002", "Kookplaat 3-pits zwart", "Materiaal glas"),
      product("0108003", "Waterslang blauw", "Lengte 10 m"),
      product("0108004", "Dakluik zwart", "", false),
    ]);
}, 60_000);

afterAll(async () => {
  await handle?.close();
});

describe("the words misspellings are corrected to", () => {
  it("counts each word once per available product that has it, in its title or its attributes", async () => {
    await countSearchWords(handle.db, ["0108001", "0108002", "0108003", "0108004"]);
    expect(await words()).toEqual([
      { word: "blauw", documents: 1 },
      { word: "glas", documents: 1 },
      { word: "kleur", documents: 1 },
      { word: "kookplaat", documents: 2 },
      { word: "lengte", documents: 1 },
      { word: "materiaal", documents: 1 },
      { word: "pits", documents: 2 },
      { word: "waterslang", documents: 1 },
      // Twice in 0108001 (title and attributes) counts once; the unavailable 0108004 not at all.
      { word: "zwart", documents: 2 },
    ]);
  });

  it("takes a product's words out, and drops a word no available product has any more", async () => {
    await withdrawSearchWords(handle.db, ["0108003", "0108002"]);
    expect(await words()).toEqual([
      { word: "kleur", documents: 1 },
      { word: "kookplaat", documents: 1 },
      { word: "pits", documents: 1 },
      { word: "zwart", documents: 1 },
    ]);
    await countSearchWords(handle.db, ["0108003", "0108002"]);
    expect(await words()).toHaveLength(9);
  });

  it("is counted afresh by migration 0010, from counts the sync used to leave behind", async () => {
    // What an older portal left: words it added later counted 1, words of products since gone still there.
    await handle.db.execute(sql`update search_words set documents = 1`);
    await handle.db.execute(sql`insert into search_words (word, documents) values ('dakluik', 1), ('tent', 3)`);
    const migration = readFileSync(path.join(process.cwd(), "drizzle/0010_words_counted.sql"), "utf8");
    for (const statement of migration.split("--> statement-breakpoint")) await handle.db.execute(sql.raw(statement));
    const counted = await words();
    expect(counted.map((row) => row.word)).not.toContain("dakluik");
    expect(counted.map((row) => row.word)).not.toContain("tent");
    expect(counted.find((row) => row.word === "kookplaat")).toEqual({ word: "kookplaat", documents: 2 });
    expect(counted).toHaveLength(9);
  });
});
