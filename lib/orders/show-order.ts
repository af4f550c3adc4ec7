import "server-only";

import { isStaff } from "@/lib/acting/policy";
import type { SessionToken } from "@/lib/auth/session-types";
import { summariesBySku } from "@/lib/catalogue/queries";
import type { ProductSummary } from "@/lib/catalogue/types";
import { getDb } from "@/lib/db";
import type { Order, OrderId, OrderStatusReport } from "@/lib/domain/order";
import { errorText, log } from "@/lib/observability/logger";
import { recordOrderFor } from "@/lib/purchases/record-order";
import { isUpstreamError } from "@/lib/upstream";

import { withPlacedDates } from "./placed-dates";
import { isShownAsActiveCustomers, keepsPricesAsActiveCustomers } from "./whose-order";
import { loaded, ordersUpstream, type Loaded } from "./upstream";

/**
 * One order of the active customer. The upstream refuses a dealer another customer's order
 * (404 or 403); wholesaler staff may read every order, but see only the active customer's here.
 */

/** Keeps the lines of an order read for the active customer (last price paid, buy again); never fails the read. */
async function recordPurchases(session: SessionToken, order: Order): Promise<void> {
  try {
    await recordOrderFor(await getDb(), session, order);
  } catch (error) {
    log().warn({ error: errorText(error) }, "order lines not recorded");
  }
}

/** The order as the upstream has it, or null when it is not the active customer's (not found, forbidden, foreign). */
export async function findOrder(
  session: SessionToken,
  id: OrderId,
  onUnauthorized: "redirect" | "report" = "redirect",
): Promise<Loaded<Order> | null> {
  const upstream = await ordersUpstream(session, onUnauthorized);
  try {
    const order = await upstream.order(id);
    if (!isShownAsActiveCustomers(session, order)) return null;
    if (keepsPricesAsActiveCustomers(session, order)) await recordPurchases(session, order);
    const [placed = order] = await withPlacedDates(session, [order]);
    return { ok: true, value: placed };
  } catch (error) {
    // A foreign order is "not found", whether the upstream says 404 or 403.
    if (isUpstreamError(error, "not_found") || isUpstreamError(error, "forbidden")) return null;
    if (!isUpstreamError(error)) throw error;
    return { ok: false, kind: error.kind, retryAfterSeconds: error.retryAfterSeconds };
  }
}

export interface ShownOrder {
  order: Order;
  /** What the catalogue mirror knows of each line's product (picture, still offered), by SKU. */
  products: Map<string, ProductSummary>;
  /**
   * How many parts of the order the wholesaler sent in a form the portal could not read (fields,
   * lines, shipments), left out of `order`: 0 when the order was read whole.
   */
  unreadable: number;
}

/**
 * The order read as far as it can be when the strict read found it malformed: what could not be
 * read is left out and counted. Null when it is not the active customer's; the strict read's
 * problem when even this read fails.
 */
async function readAsFarAsPossible(
  session: SessionToken,
  id: OrderId,
  problem: Loaded<Order> & { ok: false },
): Promise<Loaded<{ order: Order; unreadable: number }> | null> {
  const upstream = await ordersUpstream(session);
  try {
    const read = await upstream.orderAsFarAsReadable(id);
    if (!isShownAsActiveCustomers(session, read.order)) return null;
    return { ok: true, value: { order: read.order, unreadable: Math.max(1, read.unreadable.length) } };
  } catch (error) {
    if (isUpstreamError(error, "not_found") || isUpstreamError(error, "forbidden")) return null;
    if (!isUpstreamError(error)) throw error;
    return problem;
  }
}

/**
 * An order's page: the order, and its lines' products from the mirror (the page does without them
 * if the mirror fails). An order the wholesaler sent partly unreadable is shown as far as it can be read.
 */
export async function showOrder(session: SessionToken, id: OrderId): Promise<Loaded<ShownOrder> | null> {
  const found = await findOrder(session, id);
  if (!found) return null;
  let read: Loaded<{ order: Order; unreadable: number }> | null;
  if (found.ok) read = { ok: true, value: { order: found.value, unreadable: 0 } };
  else if (found.kind === "malformed") read = await readAsFarAsPossible(session, id, found);
  else return found;
  if (!read?.ok) return read;
  const { order, unreadable } = read.value;
  let products = new Map<string, ProductSummary>();
  try {
    products = await summariesBySku(await getDb(), [...new Set(order.lines.map((line) => line.sku))]);
  } catch {
    // Pictures are a nicety: the order is shown without them.
  }
  return { ok: true, value: { order, products, unreadable } };
}

/**
 * The current status of one order, for the order page's background refresh; null when the user
 * may not see it. A refused token comes back as `unauthorized` (the route answers 401). The
 * upstream answers staff for every customer's order, so theirs is checked against the active one first.
 */
export async function orderStatus(session: SessionToken, id: OrderId): Promise<Loaded<OrderStatusReport> | null> {
  if (isStaff(session)) {
    const found = await findOrder(session, id, "report");
    if (!found?.ok) return found;
  }
  const upstream = await ordersUpstream(session, "report");
  const report = await loaded(() => upstream.orderStatus(id));
  if (!report.ok && (report.kind === "not_found" || report.kind === "forbidden")) return null;
  return report;
}
