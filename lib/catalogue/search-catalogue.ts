import "server-only";

import type { SessionToken } from "@/lib/auth/session-types";
import { getDatabaseHandle } from "@/lib/db";
import { productDisplayName, type StockColour } from "@/lib/domain/product";

import { CacheTags } from "./cache";
import { cachedRead } from "./cache-queries";
import { searchQuerySchema, type SearchParams } from "./input";
import { parseListParams, type ListParams } from "./list-params";
import { mayListProducts } from "./orderable";
import { searchProducts, searchSuggestions, type SearchResult } from "./search";
import { looksLikeBarcode } from "./search-terms";
import { findByCode } from "./show-product";
import { showsPricesIncVat } from "./vat-preference";

/**
 * Searching the catalogue. With the listing permission (the upstream's PRODUCT_LIST feature): words,
 * SKU, part number or barcode, ranked lists and suggestions. Without it: one product by its exact
 * SKU, part number or barcode, never a list of matches.
 */

export type SearchCatalogue =
  /** Text no one could have typed (NUL, lone surrogates): the page answers "not found". */
  | { kind: "invalid" }
  | { kind: "empty"; listing: boolean }
  /** One product named exactly: its page. */
  | { kind: "product"; sku: string }
  /** Without the listing permission: no product has exactly this code. */
  | { kind: "no-exact-match"; query: string; unreachable: boolean }
  | {
      kind: "results";
      query: string;
      list: ListParams;
      result: SearchResult;
      incVat: boolean;
      /** The query looked like a barcode that no product has. */
      barcodeMissing: boolean;
    };

/** The catalogue cache's tags of a page of search results (its copies follow them). */
export const SEARCH_PAGE_TAGS: readonly string[] = [CacheTags.search, CacheTags.stock];

/**
 * `incVat`: the VAT display when the caller read it already (outside a render, where there is no
 * request to read the cookie from); else the request's.
 */
export async function searchCatalogue(
  session: SessionToken,
  input: { query: string; params?: SearchParams; incVat?: boolean },
): Promise<SearchCatalogue> {
  const parsed = searchQuerySchema.safeParse(input.query);
  if (!parsed.success) return { kind: "invalid" };
  const query = parsed.data;
  const listing = mayListProducts(session);
  if (!query) return { kind: "empty", listing };

  if (!listing) {
    const found = await findByCode(session, query.replace(/\s+/g, ""), { partNumbers: true });
    if (found && found.source !== "unreachable") return { kind: "product", sku: found.product.sku };
    return { kind: "no-exact-match", query, unreachable: found?.source === "unreachable" };
  }

  let barcodeMissing = false;
  if (looksLikeBarcode(query)) {
    const found = await findByCode(session, query);
    if (found && found.source !== "unreachable") return { kind: "product", sku: found.product.sku };
    barcodeMissing = true;
  }
  const list = parseListParams(input.params ?? {});
  const handle = await getDatabaseHandle();
  // The same for every dealer who may list: shared, and invalidated by the sync.
  const [result, incVat] = await Promise.all([
    cachedRead(handle, `search:${JSON.stringify([query, list.filters, list.sort, list.page])}`, SEARCH_PAGE_TAGS, () =>
      searchProducts(handle.db, { query, ...list }),
    ),
    input.incVat ?? showsPricesIncVat(),
  ]);
  return { kind: "results", query, list, result, incVat, barcodeMissing };
}

/** A suggestion as the search box shows it. */
export interface Suggestion {
  sku: string;
  name: string;
  vendorItemNo: string | null;
  stockColour: StockColour | null;
  priceExVat: number | null;
  priceOnDemand: boolean;
  priceUnit: string;
  salesUnit: string;
  salesUnitAmount: number;
  blocked: boolean;
}

export type SuggestProducts =
  { kind: "invalid" } | { kind: "listing-not-allowed" } | { kind: "suggestions"; items: Suggestion[] };

/** The few best matches while a person types: a list, so only with the listing permission. */
export async function suggestProducts(session: SessionToken, input: { query: string }): Promise<SuggestProducts> {
  const parsed = searchQuerySchema.safeParse(input.query);
  if (!parsed.success || !parsed.data) return { kind: "invalid" };
  if (!mayListProducts(session)) return { kind: "listing-not-allowed" };
  const handle = await getDatabaseHandle();
  const items = await cachedRead(handle, `suggest:${parsed.data}`, [CacheTags.search, CacheTags.stock], () =>
    searchSuggestions(handle.db, parsed.data, 8),
  );
  return {
    kind: "suggestions",
    items: items.map((item) => ({
      sku: item.sku,
      name: productDisplayName(item),
      vendorItemNo: item.vendorItemNo,
      stockColour: item.stockColour,
      priceExVat: item.priceExVat,
      priceOnDemand: item.priceOnDemand,
      priceUnit: item.priceUnit,
      salesUnit: item.salesUnit,
      salesUnitAmount: item.salesUnitAmount,
      blocked: item.blocked,
    })),
  };
}
