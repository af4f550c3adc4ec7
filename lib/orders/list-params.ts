import { z } from "zod";

import { ORDER_STATUSES, type OrderStatus } from "@/lib/domain/order";

/**
 * The order list's state as it stands in the URL: `status` (repeated, or comma
 * separated), `from` and `to` (calendar days, YYYY-MM-DD, in the dealer's time
 * zone), `q` (text), `sort` and `page`. Every value is validated; a bad one
 * falls back to its default and never breaks the page.
 */

export const ORDER_SORTS = ["date-desc", "date-asc", "status-asc", "status-desc", "total-desc", "total-asc"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];
export const DEFAULT_ORDER_SORT: OrderSort = "date-desc";

export const ORDERS_PAGE_SIZE = 25;
export const MAX_ORDER_TEXT = 100;

export interface OrderFilters {
  /** Statuses to show, in lifecycle order, without duplicates; empty = all. */
  statuses: OrderStatus[];
  /** First day shown (inclusive), YYYY-MM-DD. */
  from: string | null;
  /** Last day shown (inclusive), YYYY-MM-DD. */
  to: string | null;
  /** Words to look for in reference, creator, SKU and product title. */
  text: string;
}

export interface OrderListParams {
  filters: OrderFilters;
  sort: OrderSort;
  page: number;
}

export type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day between 2000 and 2100 (no 2024-02-30). */
export function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (y < 2000 || y > 2100) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const day = z.string().trim().refine(isCalendarDay).nullable().catch(null);

const statuses = z
  .array(z.string())
  .transform((values) => {
    const wanted = new Set(values.flatMap((value) => value.split(",")).map((value) => value.trim().toLowerCase()));
    return ORDER_STATUSES.filter((status) => wanted.has(status));
  })
  .catch([]);

const text = z
  .string()
  .transform((value) => value.replace(/\s+/g, " ").trim().slice(0, MAX_ORDER_TEXT).trim())
  .catch("");

const schema = z.object({
  status: statuses,
  from: day,
  to: day,
  q: text,
  sort: z.enum(ORDER_SORTS).catch(DEFAULT_ORDER_SORT),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

function all(params: SearchParams, name: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(name);
  const value = params[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

const first = (params: SearchParams, name: string): string | undefined => all(params, name)[0];

export function parseOrderListParams(params: SearchParams): OrderListParams {
  const parsed = schema.parse({
    status: all(params, "status"),
    from: first(params, "from") || null,
    to: first(params, "to") || null,
    q: first(params, "q") ?? "",
    sort: first(params, "sort") ?? DEFAULT_ORDER_SORT,
    page: first(params, "page") ?? 1,
  });
  // A range given the wrong way round is read the right way round.
  const [from, to] =
    parsed.from && parsed.to && parsed.from > parsed.to ? [parsed.to, parsed.from] : [parsed.from, parsed.to];
  return {
    filters: { statuses: parsed.status, from, to, text: parsed.q },
    sort: parsed.sort,
    page: parsed.page,
  };
}

/** The query parameters of a list state, defaults left out (`page` only above 1). */
export function orderListSearchParams(params: OrderListParams, options: { page?: boolean } = {}): URLSearchParams {
  const query = new URLSearchParams();
  for (const status of params.filters.statuses) query.append("status", status);
  if (params.filters.from) query.set("from", params.filters.from);
  if (params.filters.to) query.set("to", params.filters.to);
  if (params.filters.text) query.set("q", params.filters.text);
  if (params.sort !== DEFAULT_ORDER_SORT) query.set("sort", params.sort);
  if ((options.page ?? true) && params.page > 1) query.set("page", String(params.page));
  return query;
}

/** `?status=shipped&q=…`, or "" for the default list. */
export function orderListQuery(params: OrderListParams, options: { page?: boolean } = {}): string {
  const text = orderListSearchParams(params, options).toString();
  return text ? `?${text}` : "";
}

export function hasActiveFilters(filters: OrderFilters): boolean {
  return filters.statuses.length > 0 || filters.from !== null || filters.to !== null || filters.text !== "";
}
