import "server-only";

import type { SessionToken } from "@/lib/auth/session-types";
import { addLines, type AddLinesResult } from "@/lib/cart/add-lines";
import type { OrderId, OrderLine } from "@/lib/domain/order";

import { findOrder } from "./show-order";

export type ReorderResult =
  ({ ok: true } & AddLinesResult) | { ok: false; reason: "not-found" | "nothing-to-order" | "unavailable" };

/** The lines of an order that can be asked for again: a SKU and a quantity above nothing. */
export function reorderableLines(lines: readonly OrderLine[]): OrderLine[] {
  return lines.filter((line) => line.sku && line.quantity > 0);
}

/**
 * "Order again": the lines of one of the active customer's orders, read from the upstream (never
 * taken from the browser), go into the session's cart through the cart's own front door, which
 * checks each product and rounds to its current sales unit. One report per reorderable line, in order.
 */
export async function reorder(session: SessionToken, orderId: OrderId): Promise<ReorderResult> {
  const found = await findOrder(session, orderId);
  if (!found) return { ok: false, reason: "not-found" };
  if (!found.ok) return { ok: false, reason: "unavailable" };
  const lines = reorderableLines(found.value.lines);
  if (!lines.length) return { ok: false, reason: "nothing-to-order" };
  const result = await addLines(
    session,
    lines.map((line) => ({ identifier: line.sku, quantity: line.quantity })),
  );
  return { ok: true, ...result };
}
