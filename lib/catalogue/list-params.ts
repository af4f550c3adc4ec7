import { z } from "zod";

import { PRODUCT_SORTS, type ProductFilters, type ProductSort } from "./types";

/** A list's state as it stands in the URL (shareable, and the back button works). Bad values fall back to defaults. */
export interface ListParams {
  sort: ProductSort;
  page: number;
  filters: ProductFilters;
}

const schema = z.object({
  sort: z.enum(PRODUCT_SORTS).catch("relevance"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  instock: z.literal("1").optional().catch(undefined),
  dropship: z.literal("1").optional().catch(undefined),
});

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseListParams(params: SearchParams): ListParams {
  const parsed = schema.parse({
    sort: first(params.sort) ?? "relevance",
    page: first(params.page) ?? 1,
    instock: first(params.instock),
    dropship: first(params.dropship),
  });
  return {
    sort: parsed.sort,
    page: parsed.page,
    filters: { inStockOnly: parsed.instock === "1", dropshipableOnly: parsed.dropship === "1" },
  };
}

/** The URL query of a list state, without defaults; `extra` keeps e.g. the search words. */
export function listQuery(params: ListParams, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams(extra);
  if (params.sort !== "relevance") query.set("sort", params.sort);
  if (params.filters.inStockOnly) query.set("instock", "1");
  if (params.filters.dropshipableOnly) query.set("dropship", "1");
  if (params.page > 1) query.set("page", String(params.page));
  const text = query.toString();
  return text ? `?${text}` : "";
}
