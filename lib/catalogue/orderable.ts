import { FEATURE_PRODUCT_LIST } from "@/lib/domain/user";

/**
 * The catalogue's two rules that every other concept uses: whether a product may go into a cart
 * (cart, quick order, paste and CSV, scan, reorder, lists all ask here), and whether a person may
 * see listings of the whole catalogue.
 */

export type Orderability = "orderable" | "unknown" | "unavailable" | "blocked";

/** Only what the rule reads of a product, so that mirror rows and upstream products both fit. */
export interface OrderableFacts {
  /** Still in the wholesaler's list (false: withdrawn since the last sync). */
  available: boolean;
  blocked: boolean;
}

/**
 * Whether a product may be ordered: it must be known to the portal's mirror (the cart reads it
 * there), not withdrawn and not blocked. Stock and price on request do not stop an order.
 */
export function orderability(product: OrderableFacts | null | undefined): Orderability {
  if (!product) return "unknown";
  if (!product.available) return "unavailable";
  if (product.blocked) return "blocked";
  return "orderable";
}

export function isOrderable(product: OrderableFacts | null | undefined): boolean {
  return orderability(product) === "orderable";
}

/**
 * The upstream lists its products (GET /products) only to users with the PRODUCT_LIST feature.
 * The mirror never gives more than a user's own token would: without it, no browsing, word
 * search or suggestions of the whole catalogue; a product by SKU, part number or barcode still.
 */
export function mayListProducts(who: { features: readonly string[] }): boolean {
  return who.features.includes(FEATURE_PRODUCT_LIST);
}
