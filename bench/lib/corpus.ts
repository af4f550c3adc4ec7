import { asc, eq } from "drizzle-orm";

import type { Database } from "@/lib/db/client";
import { categories, products } from "@/lib/db/schema";

import { pick } from "./stats";

/** What the benchmarks ask about, read from the synced mirror itself so the queries meet real data. */
export interface Corpus {
  /** Titles of available products, in SKU order. */
  titles: Array<{ sku: string; title: string }>;
  skus: string[];
  /** SKUs that can be put in a cart: available, not blocked, with a price. */
  orderable: string[];
  categories: Array<{ code: string; pathCodes: string[] }>;
}

export async function readCorpus(db: Database): Promise<Corpus> {
  const rows = await db
    .select({
      sku: products.sku,
      title: products.title,
      blocked: products.blocked,
      priceOnDemand: products.priceOnDemand,
    })
    .from(products)
    .where(eq(products.available, true))
    .orderBy(asc(products.sku));
  const categoryRows = await db
    .select({ code: categories.code, pathCodes: categories.pathCodes })
    .from(categories)
    .orderBy(asc(categories.level), asc(categories.position));
  return {
    titles: rows.flatMap((row) => (row.title ? [{ sku: row.sku, title: row.title }] : [])),
    skus: rows.map((row) => row.sku),
    orderable: rows.filter((row) => !row.blocked && !row.priceOnDemand).map((row) => row.sku),
    categories: categoryRows,
  };
}

/** The words of a title a dealer would type: letters only, at least `min` of them, lower case. */
export function titleWords(title: string, min = 4): string[] {
  return (title.toLowerCase().match(/\p{L}+/gu) ?? []).filter((word) => word.length >= min);
}

/** One or two words of one product's title ("kookplaat", "kookplaat cuvano"). */
export function wordQuery(random: () => number, corpus: Corpus): string {
  for (;;) {
    const words = titleWords(pick(random, corpus.titles).title);
    if (!words.length) continue;
    const first = pick(random, words);
    if (random() < 0.6 || words.length < 2) return first;
    const second = pick(random, words.filter((word) => word !== first).concat(first));
    return second === first ? first : `${first} ${second}`;
  }
}

/** The first 3 to 6 characters of a SKU, as typed from a catalogue or a shelf label. */
export function skuPrefixQuery(random: () => number, corpus: Corpus): string {
  const sku = pick(random, corpus.skus);
  const length = Math.min(sku.length - 1, 3 + Math.floor(random() * 4));
  return sku.slice(0, Math.max(2, length)).toLowerCase();
}

/**
 * A title word of 6+ letters with one typo: a letter dropped or two neighbours swapped, never the
 * first or last letter (so it is not simply a prefix of the word).
 */
export function misspelledQuery(random: () => number, corpus: Corpus): { query: string; intended: string } {
  for (;;) {
    const words = titleWords(pick(random, corpus.titles).title, 6);
    if (!words.length) continue;
    const word = pick(random, words);
    const at = 1 + Math.floor(random() * (word.length - 3));
    const typo =
      random() < 0.5
        ? word.slice(0, at) + word.slice(at + 1)
        : word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2);
    if (typo !== word) return { query: typo, intended: word };
  }
}

/** What the search box sends while typing: the first letters of a title word, sometimes a SKU prefix. */
export function suggestionQuery(random: () => number, corpus: Corpus): string {
  if (random() < 0.3) return skuPrefixQuery(random, corpus);
  for (;;) {
    const words = titleWords(pick(random, corpus.titles).title);
    if (!words.length) continue;
    const word = pick(random, words);
    return word.slice(0, Math.min(word.length, 3 + Math.floor(random() * 5)));
  }
}
