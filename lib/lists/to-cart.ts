import "server-only";

import type { SessionToken } from "@/lib/auth/session-types";
import { addLines, type AddLinesResult } from "@/lib/cart/add-lines";
import { getDb } from "@/lib/db";

import { listOwnerOf } from "./owner";
import { findList, linesOf } from "./store";

export type ListToCartResult = ({ ok: true } & AddLinesResult) | { ok: false; error: "not-found" | "nothing-ticked" };

/**
 * The whole list, or the lines ticked, into the session's cart through the cart's own front door
 * (lib/cart/add-lines.ts): unknown, blocked and withdrawn products are reported and left out, and
 * quantities are rounded up to the product's sales unit, one report per line in the list's order.
 */
export async function addListToCart(
  session: SessionToken,
  input: { id: string; skus?: string[] },
): Promise<ListToCartResult> {
  const db = await getDb();
  const list = await findList(db, listOwnerOf(session).customerCode, input.id);
  if (!list) return { ok: false, error: "not-found" };
  const ticked = input.skus ? new Set(input.skus) : null;
  const lines = (await linesOf(db, list.id)).filter((line) => !ticked || ticked.has(line.sku));
  if (!lines.length) return { ok: false, error: "nothing-ticked" };
  const result = await addLines(
    session,
    lines.map((line) => ({ identifier: line.sku, quantity: line.quantity })),
  );
  return { ok: true, ...result };
}
