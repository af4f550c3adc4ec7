import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";

import type { Database } from "@/lib/db";
import { categories, products, type CategoryRow, type ProductRow } from "@/lib/db/schema";
import type { Product, StockColour } from "@/lib/domain/product";

import { cleanQuery, likePrefix, prefixTsQuery, searchWords } from "./search-terms";
import { PAGE_SIZE, type ProductFilters, type ProductPage, type ProductSort, type ProductSummary } from "./types";

/** Reads of the catalogue mirror: browsing and search never wait on the upstream. */

const summaryColumns = {
  sku: products.sku,
  title: products.title,
  vendorItemNo: products.vendorItemNo,
  barcode: products.barcode,
  media: products.media,
  prices: products.prices,
  basePrice: products.basePrice,
  vatRate: products.vatRate,
  priceOnDemand: products.priceOnDemand,
  priceUnit: products.priceUnit,
  salesUnit: products.salesUnit,
  salesUnitAmount: products.salesUnitAmount,
  stockColour: products.stockColour,
  blocked: products.blocked,
  dropshipable: products.dropshipable,
  available: products.available,
};

type SummaryRow = Pick<
  ProductRow,
  | "sku"
  | "title"
  | "vendorItemNo"
  | "barcode"
  | "media"
  | "prices"
  | "basePrice"
  | "vatRate"
  | "priceOnDemand"
  | "priceUnit"
  | "salesUnit"
  | "salesUnitAmount"
  | "stockColour"
  | "blocked"
  | "dropshipable"
  | "available"
>;

function stockColour(value: string | null): StockColour | null {
  return value === "green" || value === "red" ? value : null;
}

export function toSummary(row: SummaryRow): ProductSummary {
  const firstTier = row.prices[0];
  const image = row.media.find((item) => item.primary) ?? row.media[0] ?? null;
  return {
    sku: row.sku,
    title: row.title,
    vendorItemNo: row.vendorItemNo,
    barcode: row.barcode,
    image,
    priceExVat: row.priceOnDemand ? null : (firstTier?.exVat ?? null),
    priceIncVat: row.priceOnDemand ? null : (firstTier?.incVat ?? null),
    vatRate: row.vatRate,
    priceOnDemand: row.priceOnDemand,
    priceUnit: row.priceUnit,
    salesUnit: row.salesUnit,
    salesUnitAmount: row.salesUnitAmount,
    stockColour: stockColour(row.stockColour),
    blocked: row.blocked,
    dropshipable: row.dropshipable,
    available: row.available,
  };
}

export function toProduct(row: ProductRow): Product {
  return {
    sku: row.sku,
    ocsid: row.ocsid,
    vendorItemNo: row.vendorItemNo,
    title: row.title,
    description: row.description,
    expiring: row.expiring,
    lastModified: row.lastModified,
    updateCount: row.updateCount,
    blocked: row.blocked,
    blister: row.blister,
    consumer: row.consumer,
    barcode: row.barcode ? { value: row.barcode, type: row.barcodeType ?? "EAN13", image: null } : null,
    stockColour: stockColour(row.stockColour),
    dropshipable: row.dropshipable,
    isBigParcel: row.isBigParcel,
    customs: row.customs,
    categories: [],
    prices: row.prices,
    priceUnit: row.priceUnit,
    salesUnit: row.salesUnit,
    salesUnitAmount: row.salesUnitAmount,
    files: row.files,
    attributes: row.attributes,
    media: row.media,
  };
}

function filterConditions(filters: ProductFilters): SQL[] {
  const conditions: SQL[] = [eq(products.available, true)];
  if (filters.inStockOnly) conditions.push(eq(products.stockColour, "green"));
  if (filters.dropshipableOnly) conditions.push(eq(products.dropshipable, true));
  return conditions;
}

const titleOrder = sql`lower(coalesce(${products.title}, ${products.sku}))`;

function sortOrder(sort: ProductSort, relevance: SQL[] = []): SQL[] {
  switch (sort) {
    case "title":
      return [asc(titleOrder), asc(products.sku)];
    case "sku":
      return [asc(products.sku)];
    case "price-asc":
      return [sql`${products.basePrice} asc nulls last`, asc(products.sku)];
    case "price-desc":
      return [sql`${products.basePrice} desc nulls last`, asc(products.sku)];
    case "relevance":
    default:
      return [
        ...relevance,
        sql`(${products.stockColour} = 'green') desc nulls last`,
        asc(titleOrder),
        asc(products.sku),
      ];
  }
}

async function pageOf(
  db: Database,
  where: SQL | undefined,
  order: SQL[],
  page: number,
  pageSize = PAGE_SIZE,
  counted = true,
): Promise<ProductPage> {
  if (!counted) {
    // Only the first few matters (suggestions): no count over every match.
    const rows = await db
      .select(summaryColumns)
      .from(products)
      .where(where)
      .orderBy(...order)
      .limit(pageSize);
    return { items: rows.map(toSummary), total: rows.length, page: 1, pageCount: 1 };
  }
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(products)
    .where(where);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db
    .select(summaryColumns)
    .from(products)
    .where(where)
    .orderBy(...order)
    .limit(pageSize)
    .offset((current - 1) * pageSize);
  return { items: rows.map(toSummary), total, page: current, pageCount };
}

/** Products of a category and all its descendants. */
export async function categoryProducts(
  db: Database,
  options: { categoryCode: string; filters: ProductFilters; sort: ProductSort; page: number },
): Promise<ProductPage> {
  const where = and(
    sql`${products.categoryPaths} @> array[${options.categoryCode}]::text[]`,
    ...filterConditions(options.filters),
  );
  return pageOf(db, where, sortOrder(options.sort), options.page);
}

/** The conditions and ranking of a text query: exact and prefix part numbers first, then words. */
function textQuery(query: string): { match: SQL; rank: SQL[] } | null {
  const words = searchWords(query);
  const prefix = prefixTsQuery(words);
  const lower = query.toLowerCase();
  const partNumber = lower.replace(/\s+/g, "");
  if (!prefix && !partNumber) return null;
  const like = likePrefix(partNumber);
  const exact = sql`(lower(${products.sku}) = ${partNumber} or lower(${products.vendorItemNo}) = ${partNumber} or ${products.barcode} = ${partNumber})`;
  const startsWith = sql`(lower(${products.sku}) like ${like} or lower(${products.vendorItemNo}) like ${like} or ${products.barcode} like ${like})`;
  const words_ = prefix
    ? sql`(${products.search} @@ websearch_to_tsquery('dutch', ${query}) or ${products.search} @@ websearch_to_tsquery('english', ${query}) or ${products.search} @@ to_tsquery('simple', ${prefix}))`
    : sql`false`;
  const textRank = prefix
    ? sql`ts_rank(${products.search}, websearch_to_tsquery('dutch', ${query}) || websearch_to_tsquery('english', ${query}) || to_tsquery('simple', ${prefix}))`
    : null;
  return {
    match: sql`(${exact} or ${startsWith} or ${words_})`,
    // A bare number in ORDER BY would name a column: without words there is no text rank at all.
    rank: [sql`${exact} desc`, sql`${startsWith} desc`, ...(textRank ? [sql`${textRank} desc`] : [])],
  };
}

/** Near misses by trigram similarity of the title: typos and spelling variants. */
function similarQuery(query: string): { match: SQL; rank: SQL[] } {
  const lower = query.toLowerCase();
  return {
    match: sql`${lower} <% lower(coalesce(${products.title}, ''))`,
    rank: [sql`word_similarity(${lower}, lower(coalesce(${products.title}, ''))) desc`],
  };
}

export interface SearchResult extends ProductPage {
  /** True when nothing matched the words and these are close matches by spelling. */
  closeMatches: boolean;
}

/** Search by words, SKU, vendor item number or barcode; falls back to close matches for typos. */
export async function searchProducts(
  db: Database,
  options: {
    query: string;
    filters: ProductFilters;
    sort: ProductSort;
    page: number;
    pageSize?: number;
    /** False when only the first page matters and its total is never shown. */
    counted?: boolean;
  },
): Promise<SearchResult> {
  const query = cleanQuery(options.query);
  const text = textQuery(query);
  const empty: SearchResult = { items: [], total: 0, page: 1, pageCount: 1, closeMatches: false };
  if (!text) return empty;
  const conditions = filterConditions(options.filters);
  const direct = await pageOf(
    db,
    and(text.match, ...conditions),
    sortOrder(options.sort, text.rank),
    options.page,
    options.pageSize,
    options.counted,
  );
  if (direct.total > 0 || query.length < 3) return { ...direct, closeMatches: false };
  const similar = similarQuery(query);
  const near = await pageOf(
    db,
    and(similar.match, ...conditions),
    sortOrder(options.sort, similar.rank),
    options.page,
    options.pageSize,
    options.counted,
  );
  return { ...near, closeMatches: near.total > 0 };
}

/** The few best matches while the dealer types. */
export async function searchSuggestions(db: Database, query: string, limit = 8): Promise<ProductSummary[]> {
  const result = await searchProducts(db, {
    query,
    filters: { inStockOnly: false, dropshipableOnly: false },
    sort: "relevance",
    page: 1,
    pageSize: limit,
    counted: false,
  });
  return result.items;
}

export async function productBySku(db: Database, sku: string): Promise<ProductRow | null> {
  const [row] = await db.select().from(products).where(eq(products.sku, sku)).limit(1);
  return row ?? null;
}

export async function productByBarcode(db: Database, barcode: string): Promise<ProductRow | null> {
  const [row] = await db
    .select()
    .from(products)
    .where(and(eq(products.barcode, barcode), eq(products.available, true)))
    .limit(1);
  return row ?? null;
}

export async function summariesBySku(db: Database, skus: string[]): Promise<Map<string, ProductSummary>> {
  if (!skus.length) return new Map();
  const rows = await db.select(summaryColumns).from(products).where(inArray(products.sku, skus));
  return new Map(rows.map((row) => [row.sku, toSummary(row)]));
}

export interface CategoryNode {
  code: string;
  title: string;
  level: number;
  pathCodes: string[];
  media: CategoryRow["media"];
  children: CategoryNode[];
}

/** The whole category tree, roots first, in the upstream's order. */
export async function categoryTree(db: Database): Promise<CategoryNode[]> {
  const rows = await db.select().from(categories).orderBy(asc(categories.level), asc(categories.position));
  const nodes = new Map<string, CategoryNode>();
  const roots: CategoryNode[] = [];
  for (const row of rows) {
    const node: CategoryNode = {
      code: row.code,
      title: row.title,
      level: row.level,
      pathCodes: row.pathCodes,
      media: row.media,
      children: [],
    };
    nodes.set(row.code, node);
    const parent = row.parentCode ? nodes.get(row.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export async function categoryByCode(db: Database, code: string): Promise<CategoryRow | null> {
  const [row] = await db.select().from(categories).where(eq(categories.code, code)).limit(1);
  return row ?? null;
}

/** Titles of categories by code, for breadcrumbs and product pages. */
export async function categoryTitles(db: Database, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows = await db
    .select({ code: categories.code, title: categories.title })
    .from(categories)
    .where(inArray(categories.code, codes));
  return new Map(rows.map((row) => [row.code, row.title]));
}

export async function categoriesByCodes(
  db: Database,
  codes: string[],
): Promise<{ code: string; title: string; pathCodes: string[] }[]> {
  if (!codes.length) return [];
  return db
    .select({ code: categories.code, title: categories.title, pathCodes: categories.pathCodes })
    .from(categories)
    .where(inArray(categories.code, codes));
}
