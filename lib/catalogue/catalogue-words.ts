import { sql } from "drizzle-orm";

import { resultRows, type Database } from "@/lib/db/client";
import { searchWords } from "@/lib/db/schema";

import { CacheTags } from "./cache";
import { catalogueCache } from "./cache-queries";
import { SIMILARITY_THRESHOLD, trigramSimilarity, trigramsOf } from "./trigrams";

/** What the catalogue's words say of one typed word. */
export interface WordFacts {
  /** A word of the catalogue's titles and attributes. */
  listed: boolean;
  /** The start of a longer word of the catalogue. */
  longer: boolean;
}

/** A word of the catalogue's titles and attributes, and how many available products have it. */
export type CatalogueWord = {
  word: string;
  documents: number;
};

/** Where each trigram occurs: the words' positions in the sorted list, and each word's trigram count. */
interface TrigramIndex {
  wordsWith: Map<string, number[]>;
  trigramCounts: Uint16Array;
}

/**
 * The words of the catalogue's titles and attributes (the `search_words` table), sorted, so that a
 * search asks them in memory instead of in statements of its own: whether a typed word is one, whether
 * it starts a longer one, and which one a misspelt word is corrected to.
 */
export class CatalogueWordList {
  private trigramIndex: TrigramIndex | null = null;

  private constructor(
    private readonly sorted: readonly string[],
    private readonly documents: readonly number[],
  ) {}

  /** Sorted by UTF-16 code unit: every word that starts with another comes right after it. */
  static of(words: Iterable<CatalogueWord>): CatalogueWordList {
    const byWord = new Map<string, number>();
    for (const { word, documents } of words) byWord.set(word, documents);
    const sorted = [...byWord.keys()].sort();
    return new CatalogueWordList(
      sorted,
      sorted.map((word) => byWord.get(word)!),
    );
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

  /**
   * The word a typed word is corrected to: of the words at least SIMILARITY_THRESHOLD close to it by
   * trigrams, the closest, then the commoner, then the first in order. Null when none is that close.
   * (The rule of the statement it replaces: `where word % typed order by similarity(word, typed) desc,
   * documents desc, word`.)
   */
  closest(typed: string): string | null {
    const own = trigramsOf(typed);
    const index = this.trigrams();
    const shared = new Map<number, number>();
    for (const trigram of own) {
      for (const position of index.wordsWith.get(trigram) ?? []) shared.set(position, (shared.get(position) ?? 0) + 1);
    }
    let best = -1;
    let bestSimilarity = 0;
    for (const [position, count] of shared) {
      const similarity = trigramSimilarity(count, own.size, index.trigramCounts[position]!);
      if (similarity < SIMILARITY_THRESHOLD) continue;
      const better =
        best < 0 ||
        similarity > bestSimilarity ||
        (similarity === bestSimilarity &&
          (this.documents[position]! > this.documents[best]! ||
            (this.documents[position] === this.documents[best] && position < best)));
      if (better) {
        best = position;
        bestSimilarity = similarity;
      }
    }
    return best < 0 ? null : this.sorted[best]!;
  }

  /** Built on the first correction: most searches only ask `facts`. */
  private trigrams(): TrigramIndex {
    if (this.trigramIndex) return this.trigramIndex;
    const wordsWith = new Map<string, number[]>();
    const trigramCounts = new Uint16Array(this.sorted.length);
    this.sorted.forEach((word, position) => {
      const trigrams = trigramsOf(word);
      trigramCounts[position] = trigrams.size;
      for (const trigram of trigrams) {
        const positions = wordsWith.get(trigram);
        if (positions) positions.push(position);
        else wordsWith.set(trigram, [position]);
      }
    });
    this.trigramIndex = { wordsWith, trigramCounts };
    return this.trigramIndex;
  }
}

/** As long as the shared catalogue cache keeps an entry (lib/catalogue/cache.ts). */
const MAX_AGE_MS = 10 * 60_000;

const lists = new WeakMap<Database, { generation: string; readAt: number; list: Promise<CatalogueWordList> }>();

/**
 * The catalogue's words, read once per database and again after the words' tag was invalidated (the
 * sync changes words only with products it stores or marks unavailable, and then invalidates that tag:
 * lib/catalogue/sync; a stock colour's change does not) or after ten minutes. A list read before a
 * sync's invalidation only costs speed, not results: a word it does not know yet is matched as a
 * prefix, which finds what the whole word finds, and is corrected only in a second attempt after the
 * word as typed.
 */
export function catalogueWordList(db: Database, now: () => number = Date.now): Promise<CatalogueWordList> {
  // Where the words' tag stood before the read: an invalidation during it makes the next call read again.
  const generation = catalogueCache().generationKey([CacheTags.words]);
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
  const result = await db.execute<CatalogueWord>(
    sql`select ${searchWords.word} as word, ${searchWords.documents} as documents from ${searchWords}`,
  );
  return CatalogueWordList.of(resultRows<CatalogueWord>(result));
}
