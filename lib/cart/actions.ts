"use server";

import { revalidatePath } from "next/cache";

import { requireSession } from "@/lib/auth/session";

import { addLines } from "./add-lines";
import { checkLines } from "./check-lines";
import {
  addProduct,
  emptyCart as emptyTheCart,
  removeLine,
  setQuantity,
  subtractFromCart as subtractFromTheCart,
  type CartEditResult,
} from "./edit";
import type { LineReport } from "./lines";
import { addLinesInput, addToCartInput, removeLineInput, requestedLinesInput, setQuantityInput } from "./schemas";

/**
 * The cart's server actions, thin shells: parse the input with zod, read the session, call one
 * use case (lib/cart/add-lines.ts, edit.ts, check-lines.ts), answer with a result the UI can say
 * in words. The cart is always the session's person and active customer.
 */

export type CartActionResult = CartEditResult | { ok: false; error: "invalid" };

function changed() {
  revalidatePath("/", "layout");
}

export async function addToCart(input: unknown): Promise<CartActionResult> {
  const parsed = addToCartInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const result = await addProduct(await requireSession(), parsed.data);
  if (result.ok) changed();
  return result;
}

export async function setCartQuantity(input: unknown): Promise<CartActionResult> {
  const parsed = setQuantityInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const result = await setQuantity(await requireSession(), parsed.data);
  if (result.ok) changed();
  return result;
}

export async function removeCartLine(input: unknown): Promise<{ ok: boolean }> {
  const parsed = removeLineInput.safeParse(input);
  if (!parsed.success) return { ok: false };
  await removeLine(await requireSession(), parsed.data.sku);
  changed();
  return { ok: true };
}

/** Takes a quantity out of a line again (undo of a scan); the line goes when nothing is left. */
export async function subtractFromCart(input: unknown): Promise<{ ok: true; count: number } | { ok: false }> {
  const parsed = addToCartInput.safeParse(input);
  if (!parsed.success) return { ok: false };
  const { count } = await subtractFromTheCart(await requireSession(), parsed.data);
  changed();
  return { ok: true, count };
}

export async function emptyCart(): Promise<{ ok: boolean }> {
  await emptyTheCart(await requireSession());
  changed();
  return { ok: true };
}

/** Checks pasted, uploaded or typed lines and says per line what would happen; adds nothing. */
export async function checkOrderLines(input: unknown): Promise<{ ok: true; reports: LineReport[] } | { ok: false }> {
  const parsed = requestedLinesInput.safeParse(input);
  if (!parsed.success) return { ok: false };
  return { ok: true, reports: await checkLines(await requireSession(), parsed.data.lines) };
}

/** Adds lines by SKU (quick order, paste, CSV, reorder, scan); reports each line as checkOrderLines does. */
export async function addLinesToCart(
  input: unknown,
): Promise<{ ok: true; reports: LineReport[]; added: number; count: number } | { ok: false }> {
  const parsed = addLinesInput.safeParse(input);
  if (!parsed.success) return { ok: false };
  const result = await addLines(
    await requireSession(),
    parsed.data.lines.map((line) => ({ identifier: line.sku, quantity: line.quantity })),
  );
  changed();
  return { ok: true, ...result };
}
