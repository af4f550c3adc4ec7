import { z } from "zod";

import { decodeFlash } from "@/lib/http/flash";

import type { AddToCartState, CartFormState } from "./form-state";

/**
 * What a cart form posted without JavaScript says on the page its redirect leads to (see
 * lib/http/flash.ts): the same state the hydrated form shows, so each outcome is said one way.
 * "add" is an Add to cart form (for the product it names), "cart" the cart page's editor.
 */
export type CartFlash = { form: "add"; sku: string; state: AddToCartState } | { form: "cart"; state: CartFormState };

const error = z.enum(["invalid", "quantity", "tooMany", "unknown", "blocked", "unavailable", "gone", "failed"]);
const sku = z.string().max(64);
const title = z.string().max(500);
const typed = z.string().max(20).optional();
const quantity = z.number().finite().nonnegative();

const addState = z.union([
  z.object({
    ok: z.literal(true),
    sku,
    quantity,
    rounded: z.boolean(),
    capped: z.boolean(),
    lineQuantity: quantity,
    count: z.number().int().nonnegative(),
    changedAt: z.number().finite().nonnegative(),
  }),
  z.object({ ok: z.literal(false), error, typed }),
]);

const cartState = z.union([
  z.object({
    ok: z.literal(true),
    intent: z.enum(["set", "increase", "decrease"]),
    sku,
    title,
    quantity,
    rounded: z.boolean(),
    capped: z.boolean(),
  }),
  z.object({ ok: z.literal(true), intent: z.literal("remove"), sku, title }),
  z.object({ ok: z.literal(true), intent: z.literal("empty") }),
  z.object({ ok: z.literal(false), error, sku: sku.optional(), title: title.optional(), typed }),
]);

const cartFlash = z.union([
  z.object({ form: z.literal("add"), sku, state: addState }),
  z.object({ form: z.literal("cart"), state: cartState }),
]);

/** The cart's flash in a value the proxy handed over; null when there is none or it is not one of ours. */
export function readCartFlash(text: string | null | undefined): CartFlash | null {
  const parsed = cartFlash.safeParse(decodeFlash(text));
  return parsed.success ? (parsed.data satisfies CartFlash) : null;
}
