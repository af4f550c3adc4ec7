import { and, eq, inArray, sql } from "drizzle-orm";

import { resultRows, type Database } from "@/lib/db/client";
import { products, type NewProductRow } from "@/lib/db/schema";
import type { Product } from "@/lib/domain/product";

import { countSearchWords, withdrawSearchWords } from "./search-words";

/** What the sync compares a list entry with: the stored version of a product. */
export interface StoredVersion {
  updateCount: number;
  lastModified: Date | null;
  available: boolean;
}

/** Rows per insert statement: about 30 parameters each, far below Postgres' 65,535. */
const BATCH = 200;

/** The product's categories and all their ancestors, from the stored tree (the product's own path when unknown). */
export function categoryPathsOf(
  product: Pick<Product, "categories">,
  treePaths: ReadonlyMap<string, string[]>,
): string[] {
  const codes = new Set<string>();
  for (const ref of product.categories) {
    for (const code of treePaths.get(ref.code) ?? ref.pathCodes) codes.add(code);
    codes.add(ref.code);
  }
  return [...codes].sort();
}

/** A product as a row of the mirror. `now` stamps the sync and, for new rows, the stock colour. */
export function productRow(product: Product, treePaths: ReadonlyMap<string, string[]>, now: Date): NewProductRow {
  const first = product.prices[0];
  const priceOnDemand = first?.priceOnDemand ?? false;
  return {
    sku: product.sku,
    title: product.title,
    description: product.description,
    vendorItemNo: product.vendorItemNo,
    ocsid: product.ocsid,
    barcode: product.barcode?.value ?? null,
    barcodeType: product.barcode?.type ?? null,
    blocked: product.blocked,
    expiring: product.expiring,
    dropshipable: product.dropshipable,
    isBigParcel: product.isBigParcel,
    blister: product.blister,
    consumer: product.consumer,
    priceUnit: product.priceUnit,
    salesUnit: product.salesUnit,
    salesUnitAmount: product.salesUnitAmount,
    prices: product.prices,
    basePrice: first && !priceOnDemand ? first.exVat : null,
    vatRate: first ? first.vatRate : null,
    priceOnDemand,
    stockColour: product.stockColour,
    stockUpdatedAt: now,
    media: product.media,
    files: product.files,
    attributes: product.attributes,
    customs: product.customs,
    categoryCodes: [...new Set(product.categories.map((ref) => ref.code))],
    categoryPaths: categoryPathsOf(product, treePaths),
    attributeText: product.attributes
      .map((attribute) => [attribute.title, attribute.description].filter(Boolean).join(" "))
      .filter(Boolean)
      .join(" "),
    lastModified: product.lastModified,
    updateCount: product.updateCount,
    available: true,
    syncedAt: now,
  };
}

/**
 * Inserts or replaces products, in statements of a few hundred rows. A stored row keeps its
 * `stock_updated_at` unless the colour changed. A product is available again once it is stored.
 * Called inside a transaction (the sync's batch, the scan's), which the word counts wait on.
 */
export async function upsertProducts(
  db: Database,
  items: readonly Product[],
  treePaths: ReadonlyMap<string, string[]>,
  now: Date,
): Promise<number> {
  // One row per SKU: Postgres refuses a statement that updates a row twice.
  const bySku = new Map(items.map((product) => [product.sku, product]));
  const rows = [...bySku.values()].map((product) => productRow(product, treePaths, now));
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const skus = batch.map((row) => row.sku);
    // The words misspellings are corrected to follow the products: out as they were, back in as they are.
    await withdrawSearchWords(db, skus);
    await db
      .insert(products)
      .values(batch)
      .onConflictDoUpdate({
        target: products.sku,
        set: {
          title: sql`excluded.title`,
          description: sql`excluded.description`,
          vendorItemNo: sql`excluded.vendor_item_no`,
          ocsid: sql`excluded.ocsid`,
          barcode: sql`excluded.barcode`,
          barcodeType: sql`excluded.barcode_type`,
          blocked: sql`excluded.blocked`,
          expiring: sql`excluded.expiring`,
          dropshipable: sql`excluded.dropshipable`,
          isBigParcel: sql`excluded.is_big_parcel`,
          blister: sql`excluded.blister`,
          consumer: sql`excluded.consumer`,
          priceUnit: sql`excluded.price_unit`,
          salesUnit: sql`excluded.sales_unit`,
          salesUnitAmount: sql`excluded.sales_unit_amount`,
          prices: sql`excluded.prices`,
          basePrice: sql`excluded.base_price`,
          vatRate: sql`excluded.vat_rate`,
          priceOnDemand: sql`excluded.price_on_demand`,
          stockUpdatedAt: sql`case when ${products.stockColour} is distinct from excluded.stock_colour then excluded.stock_updated_at else ${products.stockUpdatedAt} end`,
          stockColour: sql`excluded.stock_colour`,
          media: sql`excluded.media`,
          files: sql`excluded.files`,
          attributes: sql`excluded.attributes`,
          customs: sql`excluded.customs`,
          categoryCodes: sql`excluded.category_codes`,
          categoryPaths: sql`excluded.category_paths`,
          attributeText: sql`excluded.attribute_text`,
          lastModified: sql`excluded.last_modified`,
          updateCount: sql`excluded.update_count`,
          available: sql`true`,
          syncedAt: sql`excluded.synced_at`,
        },
      });
    await countSearchWords(db, skus);
  }
  return rows.length;
}

/**
 * Fresh planner statistics after many rows changed: PGlite has no autovacuum, and stale
 * statistics make the planner scan where an index would do.
 */
export async function refreshStatistics(db: Database): Promise<void> {
  await db.execute(sql`analyze ${products}`);
}

/** Stored versions of the given SKUs, or of every product when `skus` is undefined (a full list). */
export async function storedVersions(db: Database, skus?: readonly string[]): Promise<Map<string, StoredVersion>> {
  const columns = {
    sku: products.sku,
    updateCount: products.updateCount,
    lastModified: products.lastModified,
    available: products.available,
  };
  const result = new Map<string, StoredVersion>();
  const add = (rows: Array<{ sku: string } & StoredVersion>) => {
    for (const { sku, ...version } of rows) result.set(sku, version);
  };
  if (skus === undefined) return allStoredVersions(db);
  const unique = [...new Set(skus)];
  for (let start = 0; start < unique.length; start += 5_000) {
    add(
      await db
        .select(columns)
        .from(products)
        .where(inArray(products.sku, unique.slice(start, start + 5_000))),
    );
  }
  return result;
}

/**
 * Every product's version, as one aggregated text: PGlite hands 100,000 rows out in seconds, one
 * string of them in a fraction of that. Fields are split by the ASCII unit separator, rows by the
 * record separator.
 */
async function allStoredVersions(db: Database): Promise<Map<string, StoredVersion>> {
  const result = await db.execute<{ versions: string | null }>(sql`
    select string_agg(
      ${products.sku} || chr(31) || ${products.updateCount} || chr(31)
        || coalesce(round(extract(epoch from ${products.lastModified}) * 1000)::bigint::text, '') || chr(31)
        || case when ${products.available} then '1' else '0' end,
      chr(30)) as versions
    from ${products}`);
  const rows = resultRows<{ versions: string | null }>(result);
  const text = rows[0]?.versions ?? "";
  const versions = new Map<string, StoredVersion>();
  if (!text) return versions;
  for (const record of text.split("\x1e")) {
    const [sku, updateCount, lastModified, available] = record.split("\x1f");
    if (sku === undefined) continue;
    versions.set(sku, {
      updateCount: Number(updateCount),
      lastModified: lastModified ? new Date(Number(lastModified)) : null,
      available: available === "1",
    });
  }
  return versions;
}

/** Marks products unavailable (never deletes them: orders refer to them). Returns how many were available. */
export async function markUnavailable(db: Database, skus: readonly string[], now: Date): Promise<number> {
  let changed = 0;
  const unique = [...new Set(skus)];
  for (let start = 0; start < unique.length; start += 5_000) {
    const chunk = unique.slice(start, start + 5_000);
    // Their words go out of the counts with them, or not at all.
    changed += await db.transaction(async (transaction) => {
      const tx = transaction as unknown as Database;
      await withdrawSearchWords(tx, chunk);
      const rows = await tx
        .update(products)
        .set({ available: false, syncedAt: now })
        .where(and(inArray(products.sku, chunk), eq(products.available, true)))
        .returning({ sku: products.sku });
      return rows.length;
    });
  }
  return changed;
}

/** Available products missing from a complete SKU list: they vanished upstream. */
export function vanishedSkus(stored: ReadonlyMap<string, StoredVersion>, listed: ReadonlySet<string>): string[] {
  const result: string[] = [];
  for (const [sku, version] of stored) if (version.available && !listed.has(sku)) result.push(sku);
  return result;
}

export async function productCounts(db: Database): Promise<{ total: number; available: number }> {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      available: sql<number>`(count(*) filter (where ${products.available}))::int`,
    })
    .from(products);
  return { total: row?.total ?? 0, available: row?.available ?? 0 };
}
