import { inArray, or, sql } from "drizzle-orm";

import type { Database } from "@/lib/db";
import { products, type ProductRow } from "@/lib/db/schema";

/**
 * Finds the products a dealer means by what they typed or pasted: a SKU, a
 * barcode or a vendor item number (in that order of preference), case-insensitive.
 */
export async function resolveIdentifiers(db: Database, identifiers: string[]): Promise<Map<string, ProductRow>> {
  const wanted = [...new Set(identifiers.map((value) => value.trim().toLowerCase()).filter(Boolean))];
  const found = new Map<string, ProductRow>();
  if (!wanted.length) return found;
  const list = sql`${sql.raw("array[")}${sql.join(
    wanted.map((value) => sql`${value}`),
    sql`, `,
  )}${sql.raw("]::text[]")}`;
  const rows = await db
    .select()
    .from(products)
    .where(
      or(
        sql`lower(${products.sku}) = any(${list})`,
        sql`${products.barcode} = any(${list})`,
        sql`lower(${products.vendorItemNo}) = any(${list})`,
      ),
    );
  const rank = (row: ProductRow, key: string) =>
    row.sku.toLowerCase() === key ? 0 : row.barcode === key ? 1 : row.vendorItemNo?.toLowerCase() === key ? 2 : 3;
  for (const key of wanted) {
    const candidates = rows
      .filter((row) => rank(row, key) < 3)
      .sort((a, b) => rank(a, key) - rank(b, key) || Number(b.available) - Number(a.available));
    if (candidates[0]) found.set(key, candidates[0]);
  }
  return found;
}

export async function productsBySku(db: Database, skus: string[]): Promise<Map<string, ProductRow>> {
  if (!skus.length) return new Map();
  const rows = await db.select().from(products).where(inArray(products.sku, skus));
  return new Map(rows.map((row) => [row.sku, row]));
}
