/**
 * The words misspellings are corrected to (`search_words`) and how many available products have each:
 * the count decides between two words as close to what was typed. The sync keeps both true as it
 * stores products and marks them unavailable: it takes the products' words out before the change
 * (`withdrawSearchWords`) and puts them back after it (`countSearchWords`), and a word no available
 * product has any more is dropped, so that no search is corrected to a word that finds nothing.
 */

import { inArray, sql } from "drizzle-orm";

import type { Database } from "@/lib/db/client";
import { products, searchWords } from "@/lib/db/schema";

/** A word a misspelling can be corrected to: letters only (Dutch accents too), four or more. */
const SEARCH_WORD = "^[a-zà-öø-ÿ]{4,}$";

/** Each word of the available ones among `skus`, with how many of them have it. */
const wordsOf = (skus: readonly string[]) => sql`
  select product_word.word, count(*)::int as documents
  from ${products},
    unnest(tsvector_to_array(to_tsvector('simple', coalesce(${products.title}, '') || ' ' || ${products.attributeText}))) as product_word(word)
  where ${inArray(products.sku, [...skus])} and ${products.available} and product_word.word ~ ${SEARCH_WORD}
  group by product_word.word`;

/**
 * Takes the words of these products, as stored now, out of the counts (before they change or go).
 * Called inside the transaction that changes them, whose end it waits for: the writers of the counts
 * take turns, so that two instances storing the same new product at once (the sync and a scan) do
 * not each count its words, the second not seeing the first's row before it is committed.
 */
export async function withdrawSearchWords(db: Database, skus: readonly string[]): Promise<void> {
  if (skus.length === 0) return;
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('search-words'))`);
  await db.execute(sql`
    update ${searchWords} set documents = ${searchWords.documents} - counted.documents
    from (${wordsOf(skus)}) as counted
    where ${searchWords.word} = counted.word`);
  await db.execute(sql`delete from ${searchWords} where ${searchWords.documents} <= 0`);
}

/** Adds the words of these products, as stored now, to the counts (after they were stored). */
export async function countSearchWords(db: Database, skus: readonly string[]): Promise<void> {
  if (skus.length === 0) return;
  await db.execute(sql`
    insert into ${searchWords} (word, documents)
    ${wordsOf(skus)}
    on conflict (word) do update set documents = ${searchWords.documents} + excluded.documents`);
}
