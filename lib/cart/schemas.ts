import { z } from "zod";

import { MAX_LIST_LINES } from "./line-limit";
import { MAX_LINE_QUANTITY } from "./quantity";

/** Inputs of the cart's server actions, validated before anything is read or written. */
export const skuSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, "not a SKU");

export const quantitySchema = z.number().int().min(1).max(MAX_LINE_QUANTITY);

export const addToCartInput = z.object({ sku: skuSchema, quantity: quantitySchema });

export const requestedLinesInput = z.object({
  lines: z
    .array(
      z.object({
        line: z.number().int().min(1).max(1_000_000),
        identifier: z.string().trim().min(1).max(64),
        // More than a line holds is checked, not refused: it is capped at MAX_LINE_QUANTITY and said so.
        quantity: z.number().finite().positive().max(Number.MAX_SAFE_INTEGER).nullable(),
      }),
    )
    .min(1)
    .max(MAX_LIST_LINES),
});

export const addLinesInput = z.object({
  lines: z
    .array(z.object({ sku: skuSchema, quantity: z.number().finite().positive().max(MAX_LINE_QUANTITY) }))
    .min(1)
    .max(MAX_LIST_LINES),
  source: z.enum(["quick-order", "paste", "csv", "reorder", "scan"]),
});

/**
 * A quantity as typed into a form (a posted text field): digits, with a decimal comma or point;
 * rounded up to whole sales units by the use case. Its messages are codes of "cart.errors".
 */
export const typedQuantitySchema = z
  .string()
  .trim()
  .max(20, "quantity")
  .regex(/^\d+([.,]\d+)?$/, "quantity")
  .transform((value) => Number(value.replace(",", ".")))
  .pipe(z.number().positive("quantity").max(MAX_LINE_QUANTITY, "tooMany"));

/** The product page's, a card's or a scan's "Add to cart" form. */
export const addToCartForm = z.object({ sku: skuSchema, quantity: z.string().max(1000) });

/** One of the cart page's forms: which change (the button pressed), to which line. */
export const editCartForm = z.preprocess(
  // Enter in a line's quantity field posts without a pressed button: that is "set".
  (fields) => ({ intent: "set", ...(fields as object) }),
  z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("set"), sku: skuSchema, quantity: z.string().max(1000) }),
    z.object({ intent: z.enum(["increase", "decrease", "remove"]), sku: skuSchema }),
    z.object({ intent: z.literal("empty") }),
  ]),
);
