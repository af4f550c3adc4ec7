import "server-only";

import type { SessionToken } from "@/lib/auth/session-types";
import type { Order, OrderStatus } from "@/lib/domain/order";
import { isUpstreamError, type UpstreamClient, type UpstreamErrorKind } from "@/lib/upstream";

import { customerIdFilter } from "./active-customer";
import { upstreamStatuses } from "./filter";

/** Reads of orders for pages and route handlers: the active customer's, nothing else. */

export type Loaded<T> = { ok: true; value: T } | { ok: false; kind: UpstreamErrorKind };

/** The active customer's orders; `statuses` go to the upstream's `status[]` when it accepts them all. */
export async function loadOrders(
  upstream: UpstreamClient,
  session: SessionToken,
  statuses: readonly OrderStatus[],
): Promise<Loaded<Order[]>> {
  try {
    const orders = await upstream.orders({
      customerId: customerIdFilter(session),
      statuses: upstreamStatuses(statuses),
    });
    return { ok: true, value: orders };
  } catch (error) {
    if (!isUpstreamError(error)) throw error;
    return { ok: false, kind: error.kind };
  }
}

/**
 * One order of the active customer; `null` when the upstream does not know it
 * for this user (404, or 403) or it belongs to another customer than the one the user
 * acts for (wholesaler staff may read every order, but see only the active one's).
 */
export async function loadOrder(
  upstream: UpstreamClient,
  session: SessionToken,
  id: number,
): Promise<Loaded<Order> | null> {
  try {
    const order = await upstream.order(id);
    if (order.customer && order.customer.code.toUpperCase() !== session.activeCustomerCode.toUpperCase()) return null;
    return { ok: true, value: order };
  } catch (error) {
    // A foreign order is "not found", whether the upstream says 404 or 403.
    if (isUpstreamError(error, "not_found") || isUpstreamError(error, "forbidden")) return null;
    if (!isUpstreamError(error)) throw error;
    return { ok: false, kind: error.kind };
  }
}
