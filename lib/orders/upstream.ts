import "server-only";

import { sessionUpstream } from "@/lib/auth/session";
import type { SessionToken } from "@/lib/auth/session-types";
import type { Order, OrderId, OrderStatus, OrderStatusReport } from "@/lib/domain/order";
import { isUpstreamError, type UpstreamErrorKind } from "@/lib/upstream";
import type { LenientOrder } from "@/lib/upstream/lenient-order";
import { toListed, type Listed } from "@/lib/upstream/lists";

import { orderForPeople } from "./portal-marker";

/** Why the wholesaler could not give what a page asked for (timeout, rate_limited, unavailable, …). */
export type LoadProblem = UpstreamErrorKind;

/** What a read of the wholesaler's orders gives: the value, or why the wholesaler could not give it. */
export type Loaded<T> = { ok: true; value: T } | { ok: false; kind: LoadProblem; retryAfterSeconds?: number };

/**
 * The wholesaler's orders as the orders section reads them: the one place where they come into
 * what people see, so the portal's marker is taken out of every order's notes here (page, list,
 * CSV, print view; see portal-marker.ts).
 */
export interface OrdersReader {
  orders(filter?: { customerId?: string; statuses?: readonly OrderStatus[] }): Promise<Listed<Order>>;
  order(id: OrderId): Promise<Order>;
  orderAsFarAsReadable(id: OrderId): Promise<LenientOrder>;
  orderStatus(id: OrderId): Promise<OrderStatusReport>;
}

/**
 * The upstream as the session's user. A refused token ends the session; pages and actions (the
 * default) then send the user to sign in again, JSON routes (`report`) get an `unauthorized` result.
 */
export async function ordersUpstream(
  session: SessionToken,
  onUnauthorized: "redirect" | "report" = "redirect",
): Promise<OrdersReader> {
  const { upstream } = await sessionUpstream(session, { onUnauthorized });
  return {
    async orders(filter) {
      const listed = await upstream.orders(filter);
      return toListed({
        items: listed.map(orderForPeople),
        skipped: listed.skipped,
        skippedIds: [...listed.skippedIds],
        complete: listed.complete,
      });
    },
    order: async (id) => orderForPeople(await upstream.order(id)),
    async orderAsFarAsReadable(id) {
      const read = await upstream.orderAsFarAsReadable(id);
      return { ...read, order: orderForPeople(read.order) };
    },
    orderStatus: (id) => upstream.orderStatus(id),
  };
}

/** Runs one read; an upstream failure becomes a result, anything else is thrown on. */
export async function loaded<T>(read: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (!isUpstreamError(error)) throw error;
    return { ok: false, kind: error.kind, retryAfterSeconds: error.retryAfterSeconds };
  }
}
