import { and, eq, inArray, sql } from "drizzle-orm";

import { activeCustomer } from "@/lib/acting/policy";
import type { Database } from "@/lib/db";
import { purchasedLines } from "@/lib/db/schema";
import type { Order, OrderId, OrderLine } from "@/lib/domain/order";
import { placedDates } from "@/lib/orders/placed-dates";

/**
 * The lines a customer ordered, kept per (customer, order, SKU) from every order the portal reads
 * or places: the last price paid and "buy again" are read from them. Recording an order again
 * changes nothing but what the wholesaler settled since (its price); the date kept is the
 * earliest known for the order (the placed date where the portal placed it).
 */

/** Whose lines: the customer the person acts for (lib/acting/policy.ts), never one named elsewhere. */
export type Buyer = { permissions: readonly string[]; customerCode: string; activeCustomerCode: string };

/** Orders that were not bought: nothing of theirs is recorded. */
const NOT_BOUGHT = new Set<Order["status"]>(["canceled", "error"]);

/** Whether an order's lines are kept: it was not canceled or refused, and it has lines. */
export function isBought(order: Pick<Order, "status" | "lines">): boolean {
  return !NOT_BOUGHT.has(order.status) && order.lines.length > 0;
}

/** What the customer paid per price unit on a line: the sold price, else the customer's price. */
export function paidUnitPrice(line: Pick<OrderLine, "soldPrice" | "customerPrice">): number | null {
  const price = line.soldPrice ?? line.customerPrice;
  return price !== null && Number.isFinite(price) && price >= 0 ? price : null;
}

interface LineRecord {
  sku: string;
  quantity: number;
  unitPrice: number | null;
}

/** One record per SKU: quantities of repeated lines added, the first price told kept. */
function recordsOf(lines: readonly OrderLine[]): LineRecord[] {
  const bySku = new Map<string, LineRecord>();
  for (const line of lines) {
    const sku = line.sku?.trim();
    if (!sku || !(line.quantity > 0)) continue;
    const known = bySku.get(sku);
    if (known) {
      known.quantity += Math.round(line.quantity);
      known.unitPrice ??= paidUnitPrice(line);
    } else {
      bySku.set(sku, { sku, quantity: Math.round(line.quantity), unitPrice: paidUnitPrice(line) });
    }
  }
  return [...bySku.values()];
}

/**
 * Records the lines of orders of one customer. `orderedAt` of an order: the date it was placed
 * where the portal knows it, else its last change as the wholesaler told it (the detail has no
 * creation date), else now. Idempotent per (customer, order, SKU). Returns the lines written.
 */
export async function recordOrders(
  db: Database,
  customerCode: string,
  orders: readonly Pick<Order, "id" | "lines" | "updatedAt" | "status">[],
  now = new Date(),
): Promise<number> {
  const bought = orders.filter(isBought);
  if (!bought.length) return 0;
  const placed = await placedDates(
    db,
    customerCode,
    bought.map((order) => order.id),
  );
  const values = bought.flatMap((order) => {
    const orderedAt = placed.get(order.id) ?? order.updatedAt ?? now;
    return recordsOf(order.lines).map((line) => ({
      customerCode,
      orderId: order.id,
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: line.unitPrice === null ? null : String(line.unitPrice),
      currency: "EUR",
      orderedAt,
    }));
  });
  if (!values.length) return 0;
  await db
    .insert(purchasedLines)
    .values(values)
    .onConflictDoUpdate({
      target: [purchasedLines.customerCode, purchasedLines.orderId, purchasedLines.sku],
      set: {
        quantity: sql`excluded.quantity`,
        unitPrice: sql`coalesce(excluded.unit_price, ${purchasedLines.unitPrice})`,
        orderedAt: sql`least(${purchasedLines.orderedAt}, excluded.ordered_at)`,
        readAt: sql`now()`,
      },
    });
  return values.length;
}

/** Records one order read for the person's active customer (the caller checked it is theirs). */
export async function recordOrderFor(db: Database, buyer: Buyer, order: Order): Promise<number> {
  return recordOrders(db, activeCustomer(buyer), [order]);
}

/** Which of these orders of the customer have lines recorded already. */
export async function recordedOrderIds(
  db: Database,
  customerCode: string,
  orderIds: readonly OrderId[],
): Promise<Set<OrderId>> {
  const ids = [...new Set(orderIds)];
  if (!ids.length) return new Set();
  const rows = await db
    .selectDistinct({ orderId: purchasedLines.orderId })
    .from(purchasedLines)
    .where(and(eq(purchasedLines.customerCode, customerCode), inArray(purchasedLines.orderId, ids)));
  return new Set(rows.map((row) => row.orderId));
}
