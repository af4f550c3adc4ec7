import type { CartEditResult } from "./edit";

/**
 * What the cart's JSON-style actions answer: the use case's result with when the cart held it
 * (`changedAt`, see changedAt in lib/cart/actions.ts), or that the input was refused.
 */
export type CartActionResult =
  | (Extract<CartEditResult, { ok: true }> & { changedAt: number })
  | Extract<CartEditResult, { ok: false }>
  | { ok: false; error: "invalid" };
