"use server";

import { revalidatePath } from "next/cache";

import { requireSession } from "@/lib/auth/session";
import { addableLines, checkRequestedLines, type LineReport } from "@/lib/cart/lines";
import { cartOwnerOf } from "@/lib/cart/owner";
import { roundToSalesUnit } from "@/lib/cart/quantity";
import { productsBySku } from "@/lib/cart/resolve";
import {
  addLinesInput,
  addToCartInput,
  removeLineInput,
  requestedLinesInput,
  setQuantityInput,
} from "@/lib/cart/schemas";
import {
  addToStoredCart,
  cartLineCount,
  emptyStoredCart,
  removeStoredLines,
  setStoredQuantity,
  subtractOrdered,
} from "@/lib/cart/store";
import { getDb } from "@/lib/db";

/**
 * The cart's server actions. Each validates its input with zod, works on the
 * cart of the session's user and active customer (never a customer named in
 * the input), and answers with a result the UI can say in words.
 */

export type CartActionResult =
  | { ok: true; sku: string; quantity: number; rounded: boolean; count: number }
  | { ok: false; error: "invalid" | "unknown" | "blocked" | "unavailable" };

async function context() {
  const session = await requireSession();
  return { db: await getDb(), owner: cartOwnerOf(session) };
}

function changed() {
  revalidatePath("/", "layout");
}

export async function addToCart(input: unknown): Promise<CartActionResult> {
  const parsed = addToCartInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const { db, owner } = await context();
  const product = (await productsBySku(db, [parsed.data.sku])).get(parsed.data.sku);
  if (!product) return { ok: false, error: "unknown" };
  if (!product.available) return { ok: false, error: "unavailable" };
  if (product.blocked) return { ok: false, error: "blocked" };
  const quantity = roundToSalesUnit(parsed.data.quantity, product.salesUnitAmount);
  await addToStoredCart(db, owner, [{ sku: product.sku, quantity }]);
  changed();
  return {
    ok: true,
    sku: product.sku,
    quantity,
    rounded: quantity !== parsed.data.quantity,
    count: await cartLineCount(db, owner),
  };
}

export async function setCartQuantity(input: unknown): Promise<CartActionResult> {
  const parsed = setQuantityInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const { db, owner } = await context();
  const product = (await productsBySku(db, [parsed.data.sku])).get(parsed.data.sku);
  if (!product) return { ok: false, error: "unknown" };
  const quantity = roundToSalesUnit(parsed.data.quantity, product.salesUnitAmount);
  await setStoredQuantity(db, owner, product.sku, quantity);
  changed();
  return {
    ok: true,
    sku: product.sku,
    quantity,
    rounded: quantity !== parsed.data.quantity,
    count: await cartLineCount(db, owner),
  };
}

export async function removeCartLine(input: unknown): Promise<{ ok: boolean }> {
  const parsed = removeLineInput.safeParse(input);
  if (!parsed.success) return { ok: false };
  const { db, owner } = await context();
  await removeStoredLines(db, owner, [parsed.data.sku]);
  changed();
  return { ok: true };
}

/** Takes a quantity out of a line again (undo of a scan); the line goes when nothing is left. */
export async function subtractFromCart(input: unknown): Promise<{ ok: true; count: number } | { ok: false }> {
  const parsed = addToCartInput.safeParse(input);
  if (!parsed.success) return { ok: false };
  const { db, owner } = await context();
  await subtractOrdered(db, owner, [parsed.data]);
  changed();
  return { ok: true, count: await cartLineCount(db, owner) };
}

export async function emptyCart(): Promise<{ ok: boolean }> {
  const { db, owner } = await context();
  await emptyStoredCart(db, owner);
  changed();
  return { ok: true };
}

/** Checks pasted, uploaded or typed lines and says per line what would happen; adds nothing. */
export async function checkOrderLines(input: unknown): Promise<{ ok: true; reports: LineReport[] } | { ok: false }> {
  const parsed = requestedLinesInput.safeParse(input);
  if (!parsed.success) return { ok: false };
  await requireSession();
  return { ok: true, reports: await checkRequestedLines(await getDb(), parsed.data.lines) };
}

/** Adds lines by SKU (quick order, paste, CSV, reorder, scan); reports each line as checkOrderLines does. */
export async function addLinesToCart(
  input: unknown,
): Promise<{ ok: true; reports: LineReport[]; added: number; count: number } | { ok: false }> {
  const parsed = addLinesInput.safeParse(input);
  if (!parsed.success) return { ok: false };
  const { db, owner } = await context();
  const reports = await checkRequestedLines(
    db,
    parsed.data.lines.map((line, index) => ({ line: index + 1, identifier: line.sku, quantity: line.quantity })),
  );
  const lines = addableLines(reports);
  await addToStoredCart(db, owner, lines);
  changed();
  return { ok: true, reports, added: lines.length, count: await cartLineCount(db, owner) };
}
