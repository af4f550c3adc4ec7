import { and, sql, type SQL } from "drizzle-orm";

import { resultRows, type Database } from "@/lib/db/client";
import { compactPartNumber, products, productSearch } from "@/lib/db/schema";

import { catalogueWordList, type CatalogueWordList } from "./catalogue-words";
import {
  filterConditions,
  pageOf,
  searchFilterColumns,
  sortOrder,
  summaryFields,
  titleOrder,
  toSummary,
  type SummaryRow,
} from "./queries";
import { cleanQuery, likePrefix, prefixTsQuery, searchWords } from "./search-terms";
import { PAGE_SIZE, type ProductFilters, type ProductPage, type ProductSort, type ProductSummary } from "./types";

/**
 * Search of the catalogue mirror by words, SKU, vendor item number or barcode.
 *
 * Ranked by relevance, a search never reads every match: each kind of match (exact part number,
 * SKU prefix, vendor item number prefix, barcode prefix, words) contributes at most
 * SEARCH_CANDIDATES, taken in the order of its index, and only those are ranked. Below that the
 * ranking is complete; above it the page says "more than 500" and ranks the first 500 word
 * matches the index gives (prefix matches come in SKU order, so those pages are exact). Other
 * sorts (title, SKU, price) order every match.
 */

/** Matches of one kind that are ranked and counted: past this, "more than 500" (21 pages). */
export const SEARCH_CANDIDATES = 500;
/**
 * Candidates of close matches (corrected or any word): a preview, four pages at most; the page
 * offers a search for the corrected words themselves.
 */
export const CLOSE_MATCH_CANDIDATES = 100;

/** What a query asks for: a part number (exact or prefix) and words. */
interface TextQuery {
  /** Lower case, no white space: compared with SKUs and barcodes. */
  partNumber: string | null;
  /** Letters and digits only: compared with compacted vendor item numbers. */
  compact: string | null;
  /** Dutch and English stemmed words, and every word as a prefix, in one tsquery. */
  words: SQL | null;
}

/**
 * Words match every one of them (`all`) or any (`any`, for close matches), Dutch and English
 * stemmed and as prefixes, except the `whole` words: a prefix makes the index scan every word that
 * starts with it, which a word of the catalogue that no longer word starts with does not need.
 */
function textQuery(
  query: string,
  mode: "all" | "any" = "all",
  whole: ReadonlySet<string> = new Set(),
): TextQuery | null {
  const terms = searchWords(query);
  const prefix = prefixTsQuery(terms, mode === "all" ? "&" : "|", (word) => whole.has(word));
  const partNumber = mode === "all" ? query.toLowerCase().replace(/\s+/g, "") || null : null;
  if (!prefix && !partNumber) return null;
  const stemmed = mode === "all" ? query : terms.join(" or ");
  return {
    partNumber,
    compact: partNumber?.replace(/[^a-z0-9]/g, "") || null,
    words: prefix
      ? sql`(websearch_to_tsquery('dutch', ${stemmed}) || websearch_to_tsquery('english', ${stemmed}) || to_tsquery('simple', ${prefix}))`
      : null,
  };
}

interface TypedWords {
  /**
   * Words of the catalogue's titles and attributes that are the start of no longer one: matched whole
   * ("kookplaat" still matches "kookplaatset" as a prefix).
   */
  whole: Set<string>;
  /**
   * The query with its words corrected (null when none changed), when `correct` was asked and a word
   * without digits is neither a word of the catalogue nor the start of one: such a query likely matches
   * nothing as typed, and a ranked search then tries it as typed and as corrected in one statement. (A
   * word with digits is most often the start of a part number, found as typed.) Undefined otherwise.
   */
  corrected?: string | null;
}

/** What the catalogue knows of the typed words: which are whole words, and (see above) their correction. */
async function typedWords(db: Database, words: string[], correct: boolean): Promise<TypedWords> {
  if (!words.length) return { whole: new Set() };
  const list = await catalogueWordList(db);
  const rows = words.map((word) => ({ word, ...list.facts(word) }));
  const whole = new Set(rows.filter((row) => row.listed && !row.longer).map((row) => row.word));
  const unknown = rows.some((row) => !row.listed && !row.longer && !/[0-9]/.test(row.word));
  if (!correct || !unknown) return { whole };
  return { whole, corrected: correctedQuery(list, words) };
}

const vendorItemNo = compactPartNumber(products.vendorItemNo);

function exactCondition(text: TextQuery): SQL | null {
  if (!text.partNumber) return null;
  const sku = sql`lower(${products.sku}) = ${text.partNumber}`;
  const barcode = sql`${products.barcode} = ${text.partNumber}`;
  return text.compact ? sql`(${sku} or ${vendorItemNo} = ${text.compact} or ${barcode})` : sql`(${sku} or ${barcode})`;
}

/**
 * The prefix matches, each with the expression of the index that gives them in order (the
 * indexes use text_pattern_ops, whose order is `~<~`, byte by byte). The SKU's has a second form on
 * the narrow copy of the products (product_search), which ranked searches read: its rows are a
 * quarter of the products' width, so a common prefix's hundreds of matches read fewer pages.
 */
function prefixConditions(text: TextQuery): Array<{ where: SQL; order: SQL; narrow?: { where: SQL; order: SQL } }> {
  if (!text.partNumber) return [];
  const like = likePrefix(text.partNumber);
  const skuKey = sql`lower(${products.sku})`;
  const narrowSkuKey = sql`lower(${productSearch.sku})`;
  const barcodeKey = sql`${products.barcode}`;
  return [
    {
      where: sql`${skuKey} like ${like}`,
      order: skuKey,
      narrow: { where: sql`${narrowSkuKey} like ${like}`, order: narrowSkuKey },
    },
    ...(text.compact ? [{ where: sql`${vendorItemNo} like ${likePrefix(text.compact)}`, order: vendorItemNo }] : []),
    { where: sql`${barcodeKey} like ${like}`, order: barcodeKey },
  ];
}

/**
 * Every match of the query, for sorts that order all of them (on products: a common word's
 * thousands of matches are read through the index into the rows that sort them).
 */
function anyMatch(text: TextQuery): SQL {
  const conditions = [
    exactCondition(text),
    ...prefixConditions(text).map((prefix) => prefix.where),
    text.words ? sql`${products.search} @@ ${text.words}` : null,
  ].filter((condition): condition is SQL => condition !== null);
  return sql`(${sql.join(conditions, sql` or `)})`;
}

/** A query to rank, and how many matches of each kind it ranks at most. */
interface Attempt {
  text: TextQuery;
  candidates: number;
}

interface RankedPage {
  /** The page's products, best first. */
  items: ProductSummary[];
  /** Candidates ranked; at most the attempt's `candidates` of each kind. */
  total: number;
  /** True when a kind of match had more than the attempt's `candidates`. */
  truncated: boolean;
  /** Which attempt matched: 0, or 1 when the first matched nothing. Null on an empty page. */
  attempt: number | null;
}

/** The ranked candidates of one attempt, each kind of match at most `candidates` + 1 of them. */
function candidateBranches(attempt: Attempt, filters: ProductFilters): SQL {
  const { text } = attempt;
  const take = attempt.candidates + 1;
  const filter = sql` and ${and(...filterConditions(filters))}`;
  const narrowFilter = sql` and ${and(...filterConditions(filters, searchFilterColumns))}`;
  const keys = sql`${products.sku} as sku, (${products.stockColour} = 'green') as green, ${titleOrder} as title_key`;
  const narrowKeys = sql`${productSearch.sku} as sku, ${productSearch.green} as green, ${productSearch.titleKey} as title_key`;
  const branches: SQL[] = [];
  const exact = exactCondition(text);
  if (exact) {
    branches.push(
      sql`(select ${keys}, 0 as tier, 0::real as score, 0 as kind from ${products} where ${exact}${filter} limit ${take})`,
    );
  }
  prefixConditions(text).forEach((prefix, index) => {
    const kind = index + 1;
    branches.push(
      prefix.narrow
        ? sql`(select ${narrowKeys}, 1 as tier, 0::real as score, ${kind} as kind from ${productSearch} where ${prefix.narrow.where}${narrowFilter} order by ${prefix.narrow.order} using ~<~ limit ${take})`
        : sql`(select ${keys}, 1 as tier, 0::real as score, ${kind} as kind from ${products} where ${prefix.where}${filter} order by ${prefix.order} using ~<~ limit ${take})`,
    );
  });
  if (text.words) {
    branches.push(
      sql`(select ${narrowKeys}, 2 as tier, ts_rank(${productSearch.search}, ${text.words}) as score, 9 as kind from ${productSearch} where ${productSearch.search} @@ ${text.words}${narrowFilter} limit ${take})`,
    );
  }
  return sql.join(branches, sql` union all `);
}

/**
 * One page of the best matches: exact part numbers first, then part number prefixes (in SKU
 * order), then words by text rank; within each, products in stock first, then by title. Words and
 * SKU prefixes are matched in the narrow copy of the products (product_search), the other part
 * numbers by the products' indexes. With a second attempt (the query with its words corrected), the
 * same statement ranks that one when the first matches nothing; Postgres reads its matches only then.
 * The page's products come in the same statement, as one JSON array in the page's order.
 */
async function rankedPage(
  db: Database,
  attempts: [Attempt] | [Attempt, Attempt],
  filters: ProductFilters,
  options: { limit: number; offset: number },
): Promise<RankedPage> {
  const [first, second] = attempts;
  const firstMatched = sql`exists (select 1 from found)`;
  const statement = second
    ? {
        fallback: sql`,
          fallback as materialized (select * from (${candidateBranches(second, filters)}) as corrected where not ${firstMatched}),
          matched as (select * from found union all select * from fallback)`,
        matched: sql`matched`,
        attempt: sql`case when ${firstMatched} then 0 else 1 end`,
        cap: sql`case when ${firstMatched} then ${first.candidates}::int else ${second.candidates}::int end`,
      }
    : { fallback: sql``, matched: sql`found`, attempt: sql`0`, cap: sql`${first.candidates}` };
  const order = sql`tier, score desc, case when tier = 1 then lower(sku) end, green desc nulls last, title_key, sku`;
  type Row = {
    attempt: number | null;
    total: number | null;
    truncated: boolean | null;
    items: SummaryRow[];
  };
  const result = await db.execute<Row>(sql`
    with found as materialized (${candidateBranches(first, filters)})${statement.fallback},
    candidates as (
      select sku, min(tier) as tier, max(score) as score, bool_or(green) as green, min(title_key) as title_key
      from ${statement.matched} group by sku
    ),
    ranked as (
      select sku, ${statement.attempt} as attempt, (count(*) over ())::int as total,
        (select coalesce(bool_or(matches > ${statement.cap}), false) from (select count(*) as matches from ${statement.matched} group by kind) as kinds) as truncated,
        row_number() over (order by ${order}) as position
      from candidates
      order by ${order}
      limit ${options.limit} offset ${options.offset}
    )
    select min(ranked.attempt) as attempt, min(ranked.total) as total, bool_or(ranked.truncated) as truncated,
      coalesce(json_agg(summary order by ranked.position) filter (where summary.sku is not null), '[]') as items
    from ranked
    left join lateral (select ${summaryFields} from ${products} where ${products.sku} = ranked.sku) as summary on true`);
  const [row] = resultRows<Row>(result);
  return {
    items: (row?.items ?? []).map(toSummary),
    total: row?.total ?? 0,
    truncated: row?.truncated ?? false,
    attempt: row?.attempt === null || row?.attempt === undefined ? null : Number(row.attempt),
  };
}

async function rankedSearch(
  db: Database,
  attempts: [Attempt] | [Attempt, Attempt],
  filters: ProductFilters,
  options: { page: number; pageSize: number },
): Promise<{ page: ProductPage; attempt: number }> {
  const { pageSize } = options;
  const pageAt = (page: number) =>
    rankedPage(db, attempts, filters, { limit: pageSize, offset: (page - 1) * pageSize });
  let current = Math.max(1, options.page);
  let ranked = await pageAt(current);
  if (!ranked.total && current > 1) {
    // Past the last page (an old link): the last page instead.
    const first = await pageAt(1);
    const cap = attempts[first.attempt ?? 0]!.candidates;
    current = Math.max(1, Math.ceil(Math.min(first.total, cap) / pageSize));
    ranked = current === 1 ? first : await pageAt(current);
  }
  const attempt = ranked.attempt ?? 0;
  const { candidates } = attempts[attempt]!;
  const { items } = ranked;
  const totalIsLowerBound = ranked.truncated || ranked.total > candidates;
  const total = Math.min(ranked.total, candidates);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return { page: { items, total, totalIsLowerBound, page: current, pageCount }, attempt };
}

async function search(
  db: Database,
  text: TextQuery,
  options: { filters: ProductFilters; sort: ProductSort; page: number; pageSize: number },
  candidates = SEARCH_CANDIDATES,
): Promise<ProductPage> {
  if (options.sort === "relevance")
    return (await rankedSearch(db, [{ text, candidates }], options.filters, options)).page;
  const filters = filterConditions(options.filters);
  return pageOf(db, and(anyMatch(text), ...filters), sortOrder(options.sort), options.page, options.pageSize);
}

/**
 * The words, each replaced by the closest word of the catalogue's titles and attributes (trigram
 * similarity; the commoner word when two are as close). Null when no word changed.
 */
function correctedQuery(list: CatalogueWordList, typed: string[]): string | null {
  const corrected = typed.map((word) => list.closest(word) ?? word);
  return corrected.some((word, index) => word !== typed[index]) ? corrected.join(" ") : null;
}

export interface SearchResult extends ProductPage {
  /** True when nothing matched the query as typed and these are close matches. */
  closeMatches: boolean;
  /** The query with misspelt words corrected, when the close matches come from it. */
  correctedQuery: string | null;
}

type SearchSettings = { filters: ProductFilters; sort: ProductSort; page: number; pageSize: number };

function nothingFound(): SearchResult {
  return {
    items: [],
    total: 0,
    totalIsLowerBound: false,
    page: 1,
    pageCount: 1,
    closeMatches: false,
    correctedQuery: null,
  };
}

/** Corrected words are words of the catalogue: matched whole. */
function correctedText(corrected: string): TextQuery | null {
  return textQuery(corrected, "all", new Set(searchWords(corrected)));
}

/** The last resort for several words: products with any of them (as corrected, when they were). */
async function anyOfTheWords(
  db: Database,
  query: string,
  corrected: string | null,
  settings: SearchSettings,
): Promise<SearchResult> {
  if (searchWords(query).length < 2) return nothingFound();
  const anyWord = textQuery(corrected ?? query, "any", new Set(corrected ? searchWords(corrected) : []));
  if (!anyWord) return nothingFound();
  const some = await search(db, anyWord, settings, CLOSE_MATCH_CANDIDATES);
  return { ...some, closeMatches: some.total > 0, correctedQuery: null };
}

/**
 * Search by words, SKU, vendor item number or barcode. When nothing matches: the query with its
 * words corrected by spelling, then (for several words) products with any of them.
 */
export async function searchProducts(
  db: Database,
  options: { query: string; filters: ProductFilters; sort: ProductSort; page: number; pageSize?: number },
): Promise<SearchResult> {
  const query = cleanQuery(options.query);
  const settings: SearchSettings = { ...options, pageSize: options.pageSize ?? PAGE_SIZE };
  // Queries of fewer than 3 characters are not corrected.
  const correct = query.length >= 3;
  const typed = await typedWords(db, searchWords(query), correct);
  const text = textQuery(query, "all", typed.whole);
  if (!text) return nothingFound();

  // A word the catalogue does not know: its correction came with the words, and a ranked search tries
  // the query as typed and then as corrected in one statement.
  const early = settings.sort === "relevance" && typed.corrected ? correctedText(typed.corrected) : null;
  if (early && typed.corrected) {
    const attempts: [Attempt, Attempt] = [
      { text, candidates: SEARCH_CANDIDATES },
      { text: early, candidates: CLOSE_MATCH_CANDIDATES },
    ];
    const { page, attempt } = await rankedSearch(db, attempts, settings.filters, settings);
    if (page.total === 0) return anyOfTheWords(db, query, typed.corrected, settings);
    return attempt === 1
      ? { ...page, closeMatches: true, correctedQuery: typed.corrected }
      : { ...page, closeMatches: false, correctedQuery: null };
  }

  const direct = await search(db, text, settings);
  if (direct.total > 0 || !correct) return { ...direct, closeMatches: false, correctedQuery: null };
  const corrected =
    typed.corrected === undefined ? correctedQuery(await catalogueWordList(db), searchWords(query)) : typed.corrected;
  const near = corrected ? correctedText(corrected) : null;
  if (corrected && near) {
    const page = await search(db, near, settings, CLOSE_MATCH_CANDIDATES);
    if (page.total > 0) return { ...page, closeMatches: true, correctedQuery: corrected };
  }
  return anyOfTheWords(db, query, corrected, settings);
}

/** Candidates ranked for suggestions: fewer than a results page, as only the first few are shown. */
const SUGGESTION_CANDIDATES = 200;

/** The few best matches while the dealer types (no corrections: the dealer is still typing). */
export async function searchSuggestions(db: Database, query: string, limit = 8): Promise<ProductSummary[]> {
  const text = textQuery(cleanQuery(query));
  if (!text) return [];
  const ranked = await rankedPage(
    db,
    [{ text, candidates: SUGGESTION_CANDIDATES }],
    { inStockOnly: false, dropshipableOnly: false },
    { limit, offset: 0 },
  );
  return ranked.items;
}
