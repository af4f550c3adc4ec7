import type { CartEditResult } from "./edit";

/** What the cart's JSON-style actions answer: the use case's result, or that the input was refused. */
export type CartActionResult = CartEditResult | { ok: false; error: "invalid" };
