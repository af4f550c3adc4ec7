import { FILTERABLE_STATUSES, ORDER_STATUSES, type Order, type OrderStatus } from "@/lib/domain/order";
import { phpDateToInstant } from "@/lib/upstream/php-date";

import { ORDERS_PAGE_SIZE, type OrderFilters, type OrderListParams, type OrderSort } from "./list-params";
import { orderTotals } from "./totals";

/**
 * Filtering, sorting and paging of the order list. The upstream has no paging
 * and filters by status only, so the portal does the rest in the page.
 */

/**
 * The statuses to send as the upstream's `status[]`: the selection when the
 * upstream accepts every one of them. `pending` is not in its filter enum, so a
 * selection with it asks for all orders and filters here.
 */
export function upstreamStatuses(statuses: readonly OrderStatus[]): OrderStatus[] | undefined {
  if (!statuses.length) return undefined;
  return statuses.every((status) => (FILTERABLE_STATUSES as readonly OrderStatus[]).includes(status))
    ? [...statuses]
    : undefined;
}

function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

const midnight = (day: string, timeZone: string): Date =>
  phpDateToInstant({ date: `${day} 00:00:00`, timezone_type: 3, timezone: timeZone });

/** The instants a day range covers in a time zone: `start` inclusive, `end` exclusive (the next midnight). */
export function dayRange(
  from: string | null,
  to: string | null,
  timeZone: string,
): { start: Date | null; end: Date | null } {
  return {
    start: from ? midnight(from, timeZone) : null,
    end: to ? midnight(nextDay(to), timeZone) : null,
  };
}

/** Lower case without accents, so "creme" finds "Crème". */
export function foldText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

function matchesText(order: Order, words: string[]): boolean {
  const haystack = foldText(
    [order.reference, order.creatorName, ...order.lines.flatMap((line) => [line.sku, line.title])]
      .filter(Boolean)
      .join("\n"),
  );
  // The order number counts too, but only typed in full: "10" must not find every order 100…
  const id = foldText(order.id);
  return words.every((word) => haystack.includes(word) || word === id);
}

export function filterOrders(orders: readonly Order[], filters: OrderFilters, timeZone: string): Order[] {
  const { start, end } = dayRange(filters.from, filters.to, timeZone);
  const words = foldText(filters.text).split(/\s+/).filter(Boolean);
  const statuses = new Set<OrderStatus>(filters.statuses);
  return orders.filter((order) => {
    if (statuses.size && !statuses.has(order.status)) return false;
    if (start || end) {
      const at = orderDate(order)?.getTime();
      if (at === undefined) return false;
      if (start && at < start.getTime()) return false;
      if (end && at >= end.getTime()) return false;
    }
    return words.length === 0 || matchesText(order, words);
  });
}

const statusRank = (status: OrderStatus): number => {
  const index = (ORDER_STATUSES as readonly string[]).indexOf(status);
  return index === -1 ? ORDER_STATUSES.length : index;
};

/** The date an order is sorted and filtered by: when it was placed where known, else its last change. */
export const orderDate = (order: Order): Date | null => order.placedAt ?? order.updatedAt;

const time = (order: Order): number | null => orderDate(order)?.getTime() ?? null;

/**
 * Ids compared as text, never as numbers (an id may be `ORD123456`): a shorter
 * id first, then by character, so numeric ids of one length still sort as
 * their numbers do (`99` before `100`).
 */
export function compareOrderIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Newest first, undated last; the tie-breaker of every sort, then the id as text (highest first). */
function byDateDesc(a: Order, b: Order): number {
  const ta = time(a);
  const tb = time(b);
  if (ta !== tb) {
    if (ta === null) return 1;
    if (tb === null) return -1;
    return tb - ta;
  }
  return compareOrderIds(b.id, a.id);
}

/**
 * Sorted copy. Status sorts follow the lifecycle (pending → … → complete,
 * then canceled and the errors); totals are excl. VAT; orders without a date
 * or a total go last either way.
 */
export function sortOrders(orders: readonly Order[], sort: OrderSort): Order[] {
  const totals = new Map(orders.map((order) => [order.id, orderTotals(order.lines).exVat]));
  const compare = (a: Order, b: Order): number => {
    switch (sort) {
      case "date-desc":
        return byDateDesc(a, b);
      case "date-asc": {
        const ta = time(a);
        const tb = time(b);
        if (ta === tb) return compareOrderIds(a.id, b.id);
        if (ta === null) return 1;
        if (tb === null) return -1;
        return ta - tb;
      }
      case "status-asc":
      case "status-desc": {
        const diff = statusRank(a.status) - statusRank(b.status);
        return (sort === "status-asc" ? diff : -diff) || byDateDesc(a, b);
      }
      case "total-asc":
      case "total-desc": {
        const diff = (totals.get(a.id) ?? 0) - (totals.get(b.id) ?? 0);
        return (sort === "total-asc" ? diff : -diff) || byDateDesc(a, b);
      }
    }
  };
  return [...orders].sort(compare);
}

export interface Page<T> {
  items: T[];
  /** The page shown: the asked one, kept within 1…pageCount. */
  page: number;
  pageCount: number;
  total: number;
  /** 1-based position of the first and last item shown (0 when empty). */
  first: number;
  last: number;
}

export function pageOf<T>(items: readonly T[], page: number, size = ORDERS_PAGE_SIZE): Page<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const start = (current - 1) * size;
  const shown = items.slice(start, start + size);
  return {
    items: shown,
    page: current,
    pageCount,
    total: items.length,
    first: shown.length ? start + 1 : 0,
    last: start + shown.length,
  };
}

/** Filter, sort and page in one go: what the list page and the export share. */
export function selectOrders(
  orders: readonly Order[],
  params: OrderListParams,
  timeZone: string,
): { sorted: Order[]; page: Page<Order> } {
  const sorted = sortOrders(filterOrders(orders, params.filters, timeZone), params.sort);
  return { sorted, page: pageOf(sorted, params.page) };
}
