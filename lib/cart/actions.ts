"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";

import { usesSecureCookies } from "@/lib/auth/cookie";
import { PATH_HEADER } from "@/lib/auth/path-header";
import { safeReturnPath } from "@/lib/auth/return-path";
import { encodeFlash, FLASH_COOKIE, FLASH_MAX_AGE_SECONDS } from "@/lib/http/flash";
import { formFields, postedForm } from "@/lib/http/posted-form";
import { requireSession } from "@/lib/auth/session";

import { addLines } from "./add-lines";
import { checkLines } from "./check-lines";
import type { CartFlash } from "./flash";
import {
  addProduct,
  emptyCart as emptyTheCart,
  removeLine,
  setQuantity,
  stepLine,
  subtractFromCart as subtractFromTheCart,
  type CartEditResult,
  type LineGone,
} from "./edit";
import { quantityError, type AddToCartState, type CartFormState } from "./form-state";
import type { LineReport } from "./lines";
import {
  addLinesInput,
  addToCartForm,
  addToCartInput,
  editCartForm,
  requestedLinesInput,
  typedQuantitySchema,
} from "./schemas";
import type { CartActionResult } from "./action-result";

/**
 * The cart's server actions, thin shells: parse the input with zod, read the session, call one
 * use case (lib/cart/add-lines.ts, edit.ts, check-lines.ts), answer with a result the UI can say
 * in words. The cart is always the session's person and active customer.
 */

function changed() {
  revalidatePath("/", "layout");
}

/**
 * When a change that renders nothing again (an add, a scan's undo) was stored, by this server's clock:
 * taken after the store wrote it. A page that lists the cart's lines says when it began to read them
 * (`readAt`, taken before the read); one read at or before this time may not have seen the change
 * (components/cart/cart-freshness.tsx).
 */
function changedAt(): number {
  return Date.now();
}

/**
 * "Add to cart" and its undo answer with the cart's new line count and render nothing again: the
 * page the form is on shows the count it answered (components/cart/cart-context.tsx), and a page
 * that lists the cart's lines asks again when it is shown from the browser's history
 * (components/cart/cart-freshness.tsx). Rendering the whole page again for one number made an add
 * cost more than the page itself under load (bench/load.md). Posted natively, the redirect renders
 * the page anyway.
 */
export async function addToCart(input: unknown): Promise<CartActionResult> {
  const parsed = addToCartInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const result = await addProduct(await requireSession(), parsed.data);
  return result.ok ? { ...result, changedAt: changedAt() } : result;
}

/**
 * The "Add to cart" form (product page, card, scan), posted natively before hydration or without
 * JavaScript (the answer is the page again with this state) or from the hydrated form, which gets
 * the cart's new line count and no page (see addToCart). A quantity that is not a number, or more
 * than a line holds, is said and given back as typed; nothing is added.
 */
export async function addToCartFromForm(_previous: AddToCartState, form: FormData): Promise<AddToCartState> {
  const parsed = addToCartForm.safeParse(formFields(form));
  if (!parsed.success) return { ok: false, error: "invalid" };
  const quantity = typedQuantitySchema.safeParse(parsed.data.quantity);
  if (!quantity.success) {
    return {
      ok: false,
      error: quantityError(quantity.error.issues[0]?.message),
      typed: parsed.data.quantity.slice(0, 20),
    };
  }
  const result = await addProduct(await requireSession(), { sku: parsed.data.sku, quantity: quantity.data });
  if (!result.ok) return { ok: false, error: result.error };
  const { sku, quantity: added, rounded, capped, lineQuantity, count } = result;
  return { ok: true, sku, quantity: added, rounded, capped, lineQuantity, count, changedAt: changedAt() };
}

/**
 * A cart form's refusal. A line that is gone (removed or ordered from another tab) renders the cart
 * again, so the page left open stops showing it.
 */
function refused(result: Exclude<CartEditResult | LineGone, { ok: true }>, sku: string): CartFormState {
  if (result.error !== "gone") return { ok: false, error: result.error, sku };
  changed();
  return { ok: false, error: result.error, sku, title: result.title };
}

/**
 * Every form of the cart page: a typed quantity ("Update", or Enter), + and − (one sales unit from
 * what the cart holds now), removing a line, emptying the cart. The button pressed names the change.
 */
export async function editCartFromForm(_previous: CartFormState, form: FormData): Promise<CartFormState> {
  const parsed = editCartForm.safeParse(formFields(form));
  if (!parsed.success) return { ok: false, error: "invalid" };
  const input = parsed.data;
  if (input.intent === "empty") {
    await emptyTheCart(await requireSession());
    changed();
    return { ok: true, intent: "empty" };
  }
  if (input.intent === "remove") {
    const { title } = await removeLine(await requireSession(), input.sku);
    changed();
    return { ok: true, intent: "remove", sku: input.sku, title };
  }
  if (input.intent === "set") {
    const quantity = typedQuantitySchema.safeParse(input.quantity);
    if (!quantity.success) {
      const error = quantityError(quantity.error.issues[0]?.message);
      return { ok: false, error, sku: input.sku, typed: input.quantity.slice(0, 20) };
    }
    const result = await setQuantity(await requireSession(), { sku: input.sku, quantity: quantity.data });
    if (!result.ok) return refused(result, input.sku);
    changed();
    const { sku, title, rounded, capped } = result;
    return { ok: true, intent: "set", sku, title, quantity: result.quantity, rounded, capped };
  }
  const result = await stepLine(await requireSession(), {
    sku: input.sku,
    direction: input.intent === "increase" ? 1 : -1,
  });
  if (!result.ok) return refused(result, input.sku);
  changed();
  return {
    ok: true,
    intent: input.intent,
    sku: result.sku,
    title: result.title,
    quantity: result.quantity,
    rounded: false,
    capped: false,
  };
}

/** A form's answer, a failure said as one ("failed") rather than thrown; Next's redirects pass on. */
async function answerOf<T>(run: () => Promise<T>, failed: T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    unstable_rethrow(error);
    return failed;
  }
}

/**
 * The answer to a cart form posted natively (before hydration or without JavaScript): a redirect
 * (303) to the page it was posted from, its message in a flash cookie that the proxy hands to that
 * page once (lib/http/flash.ts). Reloading the page then reads it again and posts nothing: the
 * line is not added twice and the message is not said twice. Never the typed text in an address.
 */
async function backToThePage(flash: CartFlash): Promise<never> {
  (await cookies()).set(FLASH_COOKIE, encodeFlash(flash), {
    httpOnly: true,
    sameSite: "lax",
    secure: usesSecureCookies(),
    path: "/",
    maxAge: FLASH_MAX_AGE_SECONDS,
  });
  redirect(safeReturnPath((await headers()).get(PATH_HEADER)));
}

/** "Add to cart" (product page, card, favourites, bought before) posted natively: the change, then back to the page. */
export async function addToCartAndReturn(form: FormData): Promise<void> {
  const parsed = addToCartForm.safeParse(formFields(form));
  const state = await answerOf(() => addToCartFromForm(null, form), { ok: false, error: "failed" });
  return backToThePage({ form: "add", sku: parsed.success ? parsed.data.sku : "", state });
}

/** A form of the cart page posted natively: the change, then back to the cart with its message. */
export async function editCartAndReturn(form: FormData): Promise<void> {
  if (!postedForm.safeParse(form).success)
    return backToThePage({ form: "cart", state: { ok: false, error: "invalid" } });
  const state = await answerOf(() => editCartFromForm(null, form), { ok: false, error: "failed" });
  return backToThePage({ form: "cart", state });
}

/** Takes a quantity out of a line again (undo of a scan); the line goes when nothing is left. */
export async function subtractFromCart(
  input: unknown,
): Promise<{ ok: true; count: number; changedAt: number } | { ok: false }> {
  const parsed = addToCartInput.safeParse(input);
  if (!parsed.success) return { ok: false };
  const { count } = await subtractFromTheCart(await requireSession(), parsed.data);
  return { ok: true, count, changedAt: changedAt() };
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
