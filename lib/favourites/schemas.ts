import { z } from "zod";

import { isCleanLine } from "@/lib/cart/safe-text";

/** A SKU as the catalogue holds it: 1-64 visible characters, no control characters. */
export const favouriteSku = z.string().trim().min(1).max(64).refine(isCleanLine);

/** The star's form: the SKU, the state wanted ("true" adds, "false" removes) and where to go back to. */
export const setFavouriteInput = z.object({
  sku: favouriteSku,
  favourite: z.enum(["true", "false"]).transform((value) => value === "true"),
  returnTo: z.string().max(2048).optional(),
});
