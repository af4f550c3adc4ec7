import { z } from "zod";

import { MAX_LIST_LINES } from "./order-list-parser";
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
export const setQuantityInput = z.object({
  sku: skuSchema,
  quantity: z.number().finite().min(1).max(MAX_LINE_QUANTITY),
});
export const removeLineInput = z.object({ sku: skuSchema });

export const requestedLinesInput = z.object({
  lines: z
    .array(
      z.object({
        line: z.number().int().min(1).max(1_000_000),
        identifier: z.string().trim().min(1).max(64),
        quantity: z.number().finite().positive().max(MAX_LINE_QUANTITY).nullable(),
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
