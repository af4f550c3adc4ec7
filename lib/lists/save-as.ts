import "server-only";

import type { SessionToken } from "@/lib/auth/session-types";
import { cartOwnerOf } from "@/lib/cart/owner";
import { readCart } from "@/lib/cart/store";
import { getDb } from "@/lib/db";
import type { OrderId } from "@/lib/domain/order";
import { reorderableLines } from "@/lib/orders/reorder";
import { findOrder } from "@/lib/orders/show-order";

import { MAX_LINES_PER_LIST } from "./limits";
import { listOwnerOf } from "./owner";
import { insertList } from "./store";

export type SaveAsListResult =
  | { ok: true; id: string; lines: number; leftOut: number }
  | { ok: false; error: "not-found" | "unavailable" | "empty" | "too-many-lists" };

async function saveLines(
  session: SessionToken,
  name: string,
  lines: { sku: string; quantity: number }[],
): Promise<SaveAsListResult> {
  if (!lines.length) return { ok: false, error: "empty" };
  const bySku = new Map<string, number>();
  for (const line of lines) bySku.set(line.sku, Math.min((bySku.get(line.sku) ?? 0) + line.quantity, 100_000));
  const merged = [...bySku].map(([sku, quantity]) => ({ sku, quantity: Math.max(1, Math.ceil(quantity)) }));
  const created = await insertList(await getDb(), listOwnerOf(session), name, merged);
  if (!created.ok) return created;
  const kept = Math.min(merged.length, MAX_LINES_PER_LIST);
  return { ok: true, id: created.id, lines: kept, leftOut: merged.length - kept };
}

/**
 * "Save as list" on an order's page: the order's lines, read from the upstream as one of the
 * active customer's orders (never taken from the browser), become a new list.
 */
export async function saveOrderAsList(
  session: SessionToken,
  input: { orderId: OrderId; name: string },
): Promise<SaveAsListResult> {
  const found = await findOrder(session, input.orderId);
  if (!found) return { ok: false, error: "not-found" };
  if (!found.ok) return { ok: false, error: "unavailable" };
  return saveLines(
    session,
    input.name,
    reorderableLines(found.value.lines).map((line) => ({ sku: line.sku, quantity: line.quantity })),
  );
}

/** "Save as list" on the cart page: the session's cart as it is now becomes a new list. */
export async function saveCartAsList(session: SessionToken, input: { name: string }): Promise<SaveAsListResult> {
  const lines = await readCart(await getDb(), cartOwnerOf(session));
  return saveLines(
    session,
    input.name,
    lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
  );
}
