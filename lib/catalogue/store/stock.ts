import { sql } from "drizzle-orm";

import { resultRows, type Database } from "@/lib/db/client";
import { products } from "@/lib/db/schema";
import type { StockColour } from "@/lib/domain/product";

const BATCH = 2_000;

/**
 * Sets stock colours in bulk: only rows whose colour differs are written (and stamped
 * `stock_updated_at`), so a list of 100,000 unchanged colours costs reads, not writes.
 * Returns the products whose colour changed, with the categories they are listed in; SKUs the mirror
 * does not hold are ignored.
 */
export async function applyStockColours(
  db: Database,
  colours: ReadonlyMap<string, StockColour>,
  now: Date,
): Promise<Array<{ sku: string; categoryPaths: string[] }>> {
  const entries = [...colours];
  const changed: Array<{ sku: string; categoryPaths: string[] }> = [];
  for (let start = 0; start < entries.length; start += BATCH) {
    const slice = entries.slice(start, start + BATCH);
    const skus = slice.map(([sku]) => sku);
    const values = slice.map(([, colour]) => colour);
    const rows = await db.execute<{ sku: string; categoryPaths: string[] }>(sql`
      update ${products} p set stock_colour = s.colour, stock_updated_at = ${now}
      from unnest(${sql.param(skus)}::text[], ${sql.param(values)}::text[]) as s(sku, colour)
      where p.sku = s.sku and p.stock_colour is distinct from s.colour
      returning p.sku, p.category_paths as "categoryPaths"`);
    changed.push(...resultRows<{ sku: string; categoryPaths: string[] }>(rows));
  }
  return changed;
}
