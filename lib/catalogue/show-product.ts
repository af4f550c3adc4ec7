import "server-only";

import type { SessionToken } from "@/lib/auth/session-types";
import { getDatabaseHandle, getDb } from "@/lib/db";
import type { Product } from "@/lib/domain/product";
import { barcodeCandidates, couldBeSku } from "@/lib/scan/codes";

import { CacheTags } from "./cache";
import { cachedRead } from "./cache-queries";
import { decodeSegment } from "./input";
import { mayListProducts, orderability, type Orderability, type OrderableFacts } from "./orderable";
import { lookupProduct, type ProductLookup } from "./product-lookup";
import { categoriesByCodes, productBySku, productsByPartNumber, toProduct } from "./queries";

/**
 * One product, by the codes a person may know it by: SKU, barcode, vendor item number. The
 * upstream gives these to every user (its detail and barcode endpoints need no PRODUCT_LIST), so
 * none of them asks the listing permission; what they return is one product, never a list.
 */

const SKU = /^[A-Za-z0-9._-]{1,64}$/;

/** What the orderable rule reads of a product found: a product the upstream gave was stored in the mirror at once. */
export function orderableFacts(found: Exclude<ProductLookup, null | { source: "unreachable" }>): OrderableFacts {
  return found.source === "mirror"
    ? { available: found.row.available, blocked: found.row.blocked }
    : { available: true, blocked: found.product.blocked };
}

export type ShowProduct =
  | { kind: "not-found" }
  /** Not in the mirror, and the wholesaler could not be asked. */
  | { kind: "unreachable"; sku: string }
  | {
      kind: "product";
      product: Product;
      /** True when the mirror did not have it yet and the wholesaler was asked. */
      fromUpstream: boolean;
      orderability: Orderability;
      stockTime: Date;
      categories: { code: string; title: string; pathCodes: string[] }[];
      /** Whether the categories may be opened as lists (the listing permission). */
      categoryLinks: boolean;
    };

type ShownProduct = Extract<ShowProduct, { kind: "product" }>;

/**
 * The catalogue cache's tags of what a product page shows of the catalogue (its copies follow them):
 * its product (which the sync bumps for every change of it, its stock colour too) and the tree.
 */
export function productPageTags(sku: string): string[] {
  return [CacheTags.product(sku), CacheTags.tree];
}

/** The product as the mirror has it, through the shared cache; null when the mirror lacks it. */
async function fromMirror(session: SessionToken, sku: string): Promise<ShownProduct | null> {
  // The catalogue part is the same for every dealer: the mirror's row through the shared cache.
  const handle = await getDatabaseHandle();
  const row = await cachedRead(handle, `product:${sku}`, [CacheTags.product(sku), CacheTags.stock], async () =>
    productBySku(handle.db, sku),
  );
  if (!row) return null;
  const categories = await cachedRead(handle, `categories:${row.categoryCodes.join("/")}`, [CacheTags.tree], () =>
    categoriesByCodes(handle.db, row.categoryCodes),
  );
  const product = toProduct(row);
  return {
    kind: "product",
    product,
    fromUpstream: false,
    orderability: orderability(orderableFacts({ source: "mirror", product, row })),
    stockTime: row.stockUpdatedAt ?? row.syncedAt,
    categories,
    categoryLinks: mayListProducts(session),
  };
}

/** The product page: a SKU as it stands in the address (still percent-encoded). */
export async function showProduct(session: SessionToken, input: { sku: string }): Promise<ShowProduct> {
  const sku = decodeSegment(input.sku);
  if (sku === null || !SKU.test(sku)) return { kind: "not-found" };
  const mirrored = await fromMirror(session, sku);
  if (mirrored) return mirrored;
  // A product the mirror lacks is looked up as before (the upstream, before the first sync finished).
  const found = await lookupProduct(session, { sku });
  if (!found) return { kind: "not-found" };
  if (found.source === "unreachable") return { kind: "unreachable", sku };
  return {
    kind: "product",
    product: found.product,
    fromUpstream: found.source === "upstream",
    orderability: orderability(orderableFacts(found)),
    stockTime: new Date(),
    categories: found.product.categories.map((item) => ({
      code: item.code,
      title: item.title,
      pathCodes: item.pathCodes,
    })),
    categoryLinks: mayListProducts(session),
  };
}

/** The product page when the mirror has the product (never asks the wholesaler); null otherwise. */
export async function showMirroredProduct(session: SessionToken, input: { sku: string }): Promise<ShownProduct | null> {
  const sku = decodeSegment(input.sku);
  if (sku === null || !SKU.test(sku)) return null;
  return fromMirror(session, sku);
}

/**
 * The one product a scanned or typed code names: a barcode (EAN-13, EAN-8, UPC-A, GTIN-14, in the
 * mirror or at the wholesaler), else a SKU, else (with `partNumbers`) the one product whose SKU in
 * any case or vendor item number is exactly the code. Several matches are none: never a list.
 */
export async function findByCode(
  session: SessionToken,
  code: string,
  options: { partNumbers?: boolean } = {},
): Promise<ProductLookup> {
  let unreachable = false;
  for (const barcode of barcodeCandidates(code)) {
    const found = await lookupProduct(session, { barcode });
    if (found?.source === "unreachable") unreachable = true;
    else if (found) return found;
  }
  if (couldBeSku(code)) {
    const found = await lookupProduct(session, { sku: code });
    if (found?.source === "unreachable") unreachable = true;
    else if (found) return found;
  }
  if (options.partNumbers && code.length <= 64) {
    const rows = await productsByPartNumber(await getDb(), code);
    if (rows.length === 1) return { source: "mirror", product: toProduct(rows[0]!), row: rows[0]! };
  }
  return unreachable ? { source: "unreachable" } : null;
}
