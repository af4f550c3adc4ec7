import "server-only";

import { actingFor } from "@/lib/acting/policy";
import type { SessionToken } from "@/lib/auth/session-types";
import type { Order, OrderStatus } from "@/lib/domain/order";

import { ordersCsv, type OrderCsvOptions } from "./csv";
import { selectOrders, sortOrders, upstreamStatuses, type Page } from "./filter";
import type { OrderListParams } from "./list-params";
import { withPlacedDates } from "./placed-dates";
import { loaded, ordersUpstream, type Loaded } from "./upstream";

/**
 * The order list's use cases: the active customer's orders, and nothing else. Staff acting for a
 * customer read that customer's orders (`customer_id`); everyone else reads their own.
 */

async function activeCustomersOrders(
  session: SessionToken,
  statuses: readonly OrderStatus[],
): Promise<Loaded<{ orders: Order[]; skipped: number }>> {
  const upstream = await ordersUpstream(session);
  const read = await loaded(() =>
    upstream.orders({ customerId: actingFor(session), statuses: upstreamStatuses(statuses) }),
  );
  if (!read.ok) return read;
  // When the portal placed an order, it knows the date: shown as "Placed on", sorted and filtered by.
  return { ok: true, value: { orders: await withPlacedDates(session, read.value), skipped: read.value.skipped } };
}

/**
 * One page of the active customer's orders, filtered and sorted as the URL says (the upstream
 * does not page), and how many orders the wholesaler sent that could not be read (`skipped`,
 * left out of every page).
 */
export async function listOrders(
  session: SessionToken,
  params: OrderListParams,
  timeZone: string,
): Promise<Loaded<Page<Order> & { skipped: number }>> {
  const orders = await activeCustomersOrders(session, params.filters.statuses);
  if (!orders.ok) return orders;
  return {
    ok: true,
    value: { ...selectOrders(orders.value.orders, params, timeZone).page, skipped: orders.value.skipped },
  };
}

/** The newest orders of the active customer, for the home page. */
export async function recentOrders(session: SessionToken, count = 5): Promise<Loaded<Order[]>> {
  const orders = await activeCustomersOrders(session, []);
  if (!orders.ok) return orders;
  const newest = sortOrders(orders.value.orders, "date-desc");
  return { ok: true, value: newest.slice(0, count) };
}

export interface OrdersExport {
  csv: string;
  filename: string;
}

/** Every order the list's filters match (not one page), as CSV in the dealer's language and number format. */
export async function exportOrders(
  session: SessionToken,
  params: OrderListParams,
  options: OrderCsvOptions,
  today = new Date(),
): Promise<Loaded<OrdersExport>> {
  const orders = await activeCustomersOrders(session, params.filters.statuses);
  if (!orders.ok) return orders;
  const { sorted } = selectOrders(orders.value.orders, params, options.timeZone);
  const customer = session.activeCustomerCode.replace(/[^A-Za-z0-9_-]/g, "");
  return {
    ok: true,
    value: { csv: ordersCsv(sorted, options), filename: `orders-${customer}-${today.toISOString().slice(0, 10)}.csv` },
  };
}
