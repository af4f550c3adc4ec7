import "server-only";

import type { SessionToken } from "@/lib/auth/session-types";
import { sessionUpstream } from "@/lib/auth/session";
import { getDb } from "@/lib/db";

import { findProduct, type ProductLookup } from "./find-product";

export type { ProductLookup } from "./find-product";

/**
 * One product for its page or a scan: from the mirror; before the first sync has finished, or for
 * a barcode the mirror does not know, from the upstream with the dealer's token.
 */
export async function lookupProduct(
  session: SessionToken,
  key: { sku: string } | { barcode: string },
): Promise<ProductLookup> {
  return findProduct(await getDb(), async () => (await sessionUpstream(session)).upstream, key);
}
