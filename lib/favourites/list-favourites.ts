import "server-only";

import { desc, eq, sql } from "drizzle-orm";

import { summariesBySku } from "@/lib/catalogue/queries";
import type { ProductSummary } from "@/lib/catalogue/types";
import type { Database } from "@/lib/db";
import { favourites } from "@/lib/db/schema";
import { lastPrices } from "@/lib/purchases/last-prices";

import { databaseOf, favouritesOwnerOf, MAX_FAVOURITES, type FavouritesSession } from "./owner";

/** What the customer last paid for a product: per price unit, on the latest order the portal read. */
export interface LastPricePaid {
  unitPrice: number;
  currency: string;
  orderedAt: Date;
}

export interface FavouriteItem {
  sku: string;
  addedAt: Date;
  /** The product as the catalogue mirror has it; null when the catalogue no longer has it. */
  product: ProductSummary | null;
  lastPaid: LastPricePaid | null;
}

export interface FavouritesView {
  items: FavouriteItem[];
  limit: number;
}

/**
 * The customer's favourites, newest first: the product from the catalogue mirror (stock colour,
 * list price, sales unit) and the last price the customer paid where the portal knows it.
 */
export async function listFavourites(session: FavouritesSession, db?: Database): Promise<FavouritesView> {
  const database = await databaseOf(db);
  const { customerCode } = favouritesOwnerOf(session);
  const rows = await database
    .select({ sku: favourites.sku, addedAt: favourites.addedAt })
    .from(favourites)
    .where(eq(favourites.customerCode, customerCode))
    .orderBy(desc(favourites.addedAt), sql`${favourites.sku}`)
    .limit(MAX_FAVOURITES);
  const skus = rows.map((row) => row.sku);
  const [summaries, prices] = await Promise.all([
    summariesBySku(database, skus),
    // The one rule of the last price paid (lib/purchases): the active customer's, latest order first.
    lastPrices(database, session, skus),
  ]);
  return {
    limit: MAX_FAVOURITES,
    items: rows.map((row) => ({
      sku: row.sku,
      addedAt: row.addedAt,
      product: summaries.get(row.sku) ?? null,
      lastPaid: prices.get(row.sku) ?? null,
    })),
  };
}
