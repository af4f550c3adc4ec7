import type { Database } from "@/lib/db/client";
import type { ProductRow } from "@/lib/db/schema";
import type { Product } from "@/lib/domain/product";
import { isUpstreamError, type UpstreamClient } from "@/lib/upstream";

import { productByBarcode, productBySku, toProduct } from "./queries";
import { upsertProducts } from "./store/products";
import { isCatalogueReady } from "./sync/status";

export type ProductLookup =
  | { source: "mirror"; product: Product; row: ProductRow }
  | { source: "upstream"; product: Product }
  /** Not in the mirror, and the wholesaler could not be asked. */
  | { source: "unreachable" }
  | null;

/**
 * A product from the mirror, else (for a barcode, or for any product before the first sync has
 * finished) from the upstream. What the upstream answers is stored in the mirror as the sync would
 * store it, so that the product can go into the cart (which reads the mirror) at once; the next
 * sync finds it current.
 */
export async function findProduct(
  db: Database,
  upstream: () => Promise<UpstreamClient>,
  key: { sku: string } | { barcode: string },
): Promise<ProductLookup> {
  const row = "sku" in key ? await productBySku(db, key.sku) : await productByBarcode(db, key.barcode);
  if (row) return { source: "mirror", product: toProduct(row), row };
  const askUpstream = "barcode" in key || !(await isCatalogueReady(db));
  if (!askUpstream) return null;
  const client = await upstream();
  let product: Product;
  try {
    product = "sku" in key ? await client.product(key.sku) : await client.productByBarcode(key.barcode);
  } catch (error) {
    if (isUpstreamError(error, "not_found") || isUpstreamError(error, "validation")) return null;
    if (isUpstreamError(error) && error.kind !== "unauthorized") return { source: "unreachable" };
    throw error;
  }
  // In one transaction, as the sync stores its batches: the product's words are counted once even
  // when the sync stores the same product meanwhile (lib/catalogue/store/search-words.ts).
  await db.transaction(async (transaction) => {
    await upsertProducts(transaction as unknown as Database, [product], new Map(), new Date());
  });
  return { source: "upstream", product };
}
