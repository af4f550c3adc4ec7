import { sql } from "drizzle-orm";

import { resultRows, type Database } from "@/lib/db/client";
import { searchWords } from "@/lib/db/schema";

import { CacheTags } from "./cache";
import { catalogueCache } from "./cache-queries";

/** What the catalogue's words say of one typed word. */
export interface WordFacts {
  /** A word of the catalogue's titles and attributes. */
  listed: boolean;
  /** The start of a longer word of the catalogue. */
  longer: boolean;
}

/**
 * The words of the catalogue's titles and attributes (the `search_words` table, which misspellings
 * are corrected to), sorted, so that a search asks them in memory instead of in a statement of its own.
 */
export class CatalogueWordList {
  private constructor(private readonly sorted: readonly string[]) {}

  /** Sorted by UTF-16 code unit: every word that starts with another comes right after it. */
  static of(words: Iterable<string>): CatalogueWordList {
    return new CatalogueWordList([...new Set(words)].sort());
  }

  get size(): number {
    return this.sorted.length;
  }

  facts(word: string): WordFacts {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sorted[middle]! < word) low = middle + 1;
      else high = middle;
    }
    const listed = this.sorted[low] === word;
    const next = this.sorted[listed ? low + 1 : low];
    return { listed, longer: next !== undefined && next.startsWith(word) };
  }
}

/** As long as the shared catalogue cache keeps an entry (lib/catalogue/cache.ts). */
const MAX_AGE_MS = 10 * 60_000;

const lists = new WeakMap<Database, { generation: string; readAt: number; list: Promise<CatalogueWordList> }>();

/**
 * The catalogue's words, read once per database and again after the search results were invalidated
 * (the sync adds words only with products it stores, and then invalidates search: lib/catalogue/sync)
 * or after ten minutes. A list read before a sync's invalidation only costs speed, not results: a word
 * it does not know yet is matched as a prefix, which finds what the whole word finds.
 */
export function catalogueWordList(db: Database, now: () => number = Date.now): Promise<CatalogueWordList> {
  // Where the search tag stood before the read: an invalidation during it makes the next call read again.
  const generation = catalogueCache().generationKey([CacheTags.search]);
  const held = lists.get(db);
  if (held && held.generation === generation && now() - held.readAt < MAX_AGE_MS) return held.list;
  const list = readWordList(db);
  lists.set(db, { generation, readAt: now(), list });
  list.catch(() => {
    if (lists.get(db)?.list === list) lists.delete(db);
  });
  return list;
}

async function readWordList(db: Database): Promise<CatalogueWordList> {
  const result = await db.execute<{ word: string }>(sql`select ${searchWords.word} as word from ${searchWords}`);
  return CatalogueWordList.of(resultRows<{ word: string }>(result).map((row) => row.word));
}
