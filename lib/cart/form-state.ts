/**
 * What the cart's forms show after a post: the same shape answers a native post (the server action
 * renders it into the page, before hydration or without JavaScript) and a post from the hydrated
 * page, so each outcome is said one way. Errors are codes of "cart.errors".
 */

export type CartFormError =
  "invalid" | "quantity" | "tooMany" | "unknown" | "blocked" | "unavailable" | "gone" | "failed";

/**
 * After "Add to cart": what was added (or why not, with what was typed, to show it again); `capped`: the
 * line holds its maximum, `lineQuantity`, less than asked for; `changedAt`: when the cart held the add
 * (components/cart/cart-freshness.tsx).
 */
export type AddToCartState =
  | null
  | {
      ok: true;
      sku: string;
      quantity: number;
      rounded: boolean;
      capped: boolean;
      lineQuantity: number;
      count: number;
      changedAt: number;
    }
  | { ok: false; error: CartFormError; typed?: string };

/** After a change on the cart page. */
export type CartFormState =
  | null
  | {
      ok: true;
      intent: "set" | "increase" | "decrease";
      sku: string;
      title: string;
      quantity: number;
      rounded: boolean;
      capped: boolean;
    }
  | { ok: true; intent: "remove"; sku: string; title: string }
  | { ok: true; intent: "empty" }
  /** `title`: the product's, when the line it names is no longer on the page (error "gone"). */
  | { ok: false; error: CartFormError; sku?: string; title?: string; typed?: string };

/** The error code of a refused typed quantity: the schema's message when it is one of ours. */
export function quantityError(message: string | undefined): CartFormError {
  return message === "tooMany" ? "tooMany" : "quantity";
}
