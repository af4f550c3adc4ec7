import "server-only";

import type { SessionToken } from "@/lib/auth/session-types";
import { sessionUpstream } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import type { ProductRow } from "@/lib/db/schema";
import type { Product } from "@/lib/domain/product";
import { isUpstreamError } from "@/lib/upstream";

import { productByBarcode, productBySku, toProduct } from "./queries";
import { isCatalogueReady } from "./sync/status";

export type ProductLookup =
  | { source: "mirror"; product: Product; row: ProductRow }
  | { source: "upstream"; product: Product }
  /** Not in the mirror, and the wholesaler could not be asked. */
  | { source: "unreachable" }
  | null;

/**
 * One product for its page: from the mirror; before the first sync has
 * finished, or for a barcode the mirror does not know, from the upstream.
 */
export async function lookupProduct(
  session: SessionToken,
  key: { sku: string } | { barcode: string },
): Promise<ProductLookup> {
  const db = await getDb();
  const row = "sku" in key ? await productBySku(db, key.sku) : await productByBarcode(db, key.barcode);
  if (row) return { source: "mirror", product: { ...toProduct(row) }, row };
  const askUpstream = "barcode" in key || !(await isCatalogueReady(db));
  if (!askUpstream) return null;
  const { upstream } = await sessionUpstream(session);
  try {
    const product = "sku" in key ? await upstream.product(key.sku) : await upstream.productByBarcode(key.barcode);
    return { source: "upstream", product };
  } catch (error) {
    if (isUpstreamError(error, "not_found") || isUpstreamError(error, "validation")) return null;
    if (isUpstreamError(error) && error.kind !== "unauthorized") return { source: "unreachable" };
    throw error;
  }
}
