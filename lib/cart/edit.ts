import "server-only";

import type { SessionToken } from "@/lib/auth/session-types";
import { orderability } from "@/lib/catalogue/orderable";
import { getDb } from "@/lib/db";
import { productDisplayName } from "@/lib/domain/product";

import { cartOwnerOf } from "./owner";
import { lineMaximum, roundToSalesUnit, stepQuantity } from "./quantity";
import { productsBySku } from "./resolve";
import {
  addToStoredCart,
  cartLineCount,
  emptyStoredCart,
  readCart,
  removeStoredLines,
  setStoredQuantity,
  subtractOrdered,
} from "./store";

/**
 * The cart's edits, one use case each, on the cart of the session's person and active customer
 * (never a customer named in the input). Inputs are validated by the caller (lib/cart/schemas.ts).
 */

/**
 * `quantity`: what was added or set (rounded up to whole sales units: `rounded`); `lineQuantity`: what the
 * line holds afterwards; `capped`: the line holds its maximum (lineMaximum), less than was asked for.
 */
export type CartEditResult =
  | {
      ok: true;
      sku: string;
      title: string;
      quantity: number;
      lineQuantity: number;
      rounded: boolean;
      capped: boolean;
      count: number;
    }
  | { ok: false; error: "unknown" | "blocked" | "unavailable" };

/** The line an edit names is no longer in the cart (removed or ordered from another tab). */
export type LineGone = { ok: false; error: "gone"; title: string };

async function context(session: SessionToken) {
  return { db: await getDb(), owner: cartOwnerOf(session) };
}

/** Adds one product (product page, scan): only an orderable one, rounded up to whole sales units. */
export async function addProduct(
  session: SessionToken,
  line: { sku: string; quantity: number },
): Promise<CartEditResult> {
  const { db, owner } = await context(session);
  const product = (await productsBySku(db, [line.sku])).get(line.sku);
  const orderable = orderability(product);
  if (orderable !== "orderable") return { ok: false, error: orderable };
  if (!product) return { ok: false, error: "unknown" };
  const quantity = roundToSalesUnit(line.quantity, product.salesUnitAmount);
  const maximum = lineMaximum(product.salesUnitAmount);
  const { lines, count } = await addToStoredCart(db, owner, [{ sku: product.sku, quantity, maximum }]);
  const before = lines.get(product.sku)?.before ?? 0;
  const lineQuantity = lines.get(product.sku)?.after ?? Math.min(before + quantity, maximum);
  return {
    ok: true,
    sku: product.sku,
    title: productDisplayName(product),
    quantity,
    lineQuantity,
    rounded: quantity > line.quantity,
    capped: quantity < line.quantity || lineQuantity < before + quantity,
    count,
  };
}

/**
 * Sets the quantity of a line in the cart, rounded up to whole sales units. A line whose product
 * became blocked or withdrawn may still be changed (the cart then says it cannot be ordered); an
 * unknown SKU not. A line no longer in the cart (a page left open) is not added again: only an add,
 * with its orderability check, puts a product into the cart.
 */
export async function setQuantity(
  session: SessionToken,
  line: { sku: string; quantity: number },
): Promise<CartEditResult | LineGone> {
  const { db, owner } = await context(session);
  const product = (await productsBySku(db, [line.sku])).get(line.sku);
  if (!product) return { ok: false, error: "unknown" };
  const quantity = roundToSalesUnit(line.quantity, product.salesUnitAmount);
  if (!(await setStoredQuantity(db, owner, product.sku, quantity))) {
    return { ok: false, error: "gone", title: productDisplayName(product) };
  }
  return {
    ok: true,
    sku: product.sku,
    title: productDisplayName(product),
    quantity,
    lineQuantity: quantity,
    rounded: quantity > line.quantity,
    capped: quantity < line.quantity,
    count: await cartLineCount(db, owner),
  };
}

/**
 * One sales unit more or less on a line (the cart's + and −), from the quantity the cart holds now,
 * never below one sales unit. A line no longer in the cart (a page left open) is not added again.
 */
export async function stepLine(
  session: SessionToken,
  line: { sku: string; direction: 1 | -1 },
): Promise<CartEditResult | LineGone> {
  const { db, owner } = await context(session);
  const stored = (await readCart(db, owner)).find((candidate) => candidate.sku === line.sku);
  const product = (await productsBySku(db, [line.sku])).get(line.sku);
  const gone: LineGone = { ok: false, error: "gone", title: product ? productDisplayName(product) : line.sku };
  if (!stored) return gone;
  if (!product) return { ok: false, error: "unknown" };
  const quantity = stepQuantity(stored.quantity, product.salesUnitAmount, line.direction);
  if (!(await setStoredQuantity(db, owner, product.sku, quantity))) return gone;
  return {
    ok: true,
    sku: product.sku,
    title: productDisplayName(product),
    quantity,
    lineQuantity: quantity,
    rounded: false,
    capped: false,
    count: await cartLineCount(db, owner),
  };
}

/** Removes a line; says which product it was (by its name when the catalogue still knows it). */
export async function removeLine(session: SessionToken, sku: string): Promise<{ count: number; title: string }> {
  const { db, owner } = await context(session);
  const product = (await productsBySku(db, [sku])).get(sku);
  await removeStoredLines(db, owner, [sku]);
  return { count: await cartLineCount(db, owner), title: product ? productDisplayName(product) : sku };
}

/** Takes a quantity out of a line again (undo of a scan); the line goes when nothing is left. */
export async function subtractFromCart(
  session: SessionToken,
  line: { sku: string; quantity: number },
): Promise<{ count: number }> {
  const { db, owner } = await context(session);
  await subtractOrdered(db, owner, [line]);
  return { count: await cartLineCount(db, owner) };
}

export async function emptyCart(session: SessionToken): Promise<void> {
  const { db, owner } = await context(session);
  await emptyStoredCart(db, owner);
}
