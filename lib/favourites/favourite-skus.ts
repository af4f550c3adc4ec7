import "server-only";

import { and, eq, inArray } from "drizzle-orm";

import type { Database } from "@/lib/db";
import { favourites } from "@/lib/db/schema";

import { databaseOf, favouritesOwnerOf, type FavouritesSession } from "./owner";

/**
 * Which products are the customer's favourites, for marking stars: one query for a whole page
 * (all favourites, or only those among `skus`).
 */
export async function favouriteSkus(
  session: FavouritesSession,
  skus?: readonly string[],
  db?: Database,
): Promise<Set<string>> {
  if (skus && !skus.length) return new Set();
  const database = await databaseOf(db);
  const { customerCode } = favouritesOwnerOf(session);
  const rows = await database
    .select({ sku: favourites.sku })
    .from(favourites)
    .where(
      skus
        ? and(eq(favourites.customerCode, customerCode), inArray(favourites.sku, [...skus]))
        : eq(favourites.customerCode, customerCode),
    );
  return new Set(rows.map((row) => row.sku));
}

/** Whether one product is among the customer's favourites (a scan result). */
export async function isFavourite(session: FavouritesSession, sku: string, db?: Database): Promise<boolean> {
  return (await favouriteSkus(session, [sku], db)).has(sku);
}
