/**
 * Trigram similarity as Postgres' `pg_trgm` computes it (lower case; each run of letters and digits
 * padded with two spaces before and one after; the set of its three-character windows; shared
 * trigrams over all of both), so that a misspelt word is corrected in memory by the rule the
 * database's `%` operator and `similarity()` apply.
 */

/** `pg_trgm.similarity_threshold`'s default: `a % b` holds from this similarity on. */
export const SIMILARITY_THRESHOLD = 0.3;

/** The distinct trigrams of a text, as `show_trgm` lists them (multibyte ones there as hashes). */
export function trigramsOf(text: string): Set<string> {
  const trigrams = new Set<string>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const padded = ["", "", ...word, ""].map((character) => character || " ");
    for (let start = 0; start + 3 <= padded.length; start++) trigrams.add(padded.slice(start, start + 3).join(""));
  }
  return trigrams;
}

/**
 * Shared trigrams over all trigrams of both, rounded to `real` as the database computes it (so that
 * two words are as close here as there).
 */
export function trigramSimilarity(shared: number, first: number, second: number): number {
  const all = first + second - shared;
  return all > 0 ? Math.fround(shared / all) : 0;
}
