import { and, eq, inArray } from "drizzle-orm";

import { activeCustomer } from "@/lib/acting/policy";
import type { SessionToken } from "@/lib/auth/session-types";
import { getDb, type Database } from "@/lib/db";
import { checkoutAttempts } from "@/lib/db/schema";
import type { Order, OrderId } from "@/lib/domain/order";
import { errorText, log } from "@/lib/observability/logger";

/**
 * When the orders the portal placed were placed, by order id: the wholesaler's `created_at` of
 * the create response, kept with the checkout attempt; for an order found again by its marker
 * after a lost answer, the time the attempt was recorded (just before it was sent). Orders the
 * portal did not place have no entry: the upstream's order detail and list carry no creation date.
 * Read by customer, whoever of its people placed the order.
 */
export async function placedDates(
  db: Database,
  customerCode: string,
  orderIds: readonly OrderId[],
): Promise<Map<OrderId, Date>> {
  const ids = [...new Set(orderIds)];
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      orderId: checkoutAttempts.upstreamOrderId,
      outcome: checkoutAttempts.outcome,
      createdAt: checkoutAttempts.createdAt,
    })
    .from(checkoutAttempts)
    .where(
      and(
        eq(checkoutAttempts.customerCode, customerCode),
        eq(checkoutAttempts.state, "placed"),
        inArray(checkoutAttempts.upstreamOrderId, ids),
      ),
    );
  const dates = new Map<OrderId, Date>();
  for (const row of rows) {
    if (!row.orderId) continue;
    dates.set(row.orderId, placedAtOf(row.outcome, row.createdAt));
  }
  return dates;
}

function placedAtOf(outcome: Record<string, unknown> | null, recordedAt: Date): Date {
  const created = outcome?.createdAt;
  if (typeof created === "string") {
    const instant = new Date(created);
    if (!Number.isNaN(instant.getTime())) return instant;
  }
  return recordedAt;
}

/** Orders with their placed date where the portal knows it (the active customer's attempts); as they are when the database fails. */
export async function withPlacedDates<T extends Order>(session: SessionToken, orders: readonly T[]): Promise<T[]> {
  if (!orders.length) return [...orders];
  try {
    const dates = await placedDates(
      await getDb(),
      activeCustomer(session),
      orders.map((order) => order.id),
    );
    return orders.map((order) => ({ ...order, placedAt: dates.get(order.id) ?? null }));
  } catch (error) {
    log().warn({ error: errorText(error) }, "placed dates could not be read");
    return [...orders];
  }
}
