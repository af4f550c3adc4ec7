import "server-only";

import { and, count, eq } from "drizzle-orm";

import { productBySku } from "@/lib/catalogue/queries";
import type { Database } from "@/lib/db";
import { favourites } from "@/lib/db/schema";

import { databaseOf, favouritesOwnerOf, MAX_FAVOURITES, type FavouritesSession } from "./owner";

export type FavouriteEditResult =
  { ok: true; favourite: boolean } | { ok: false; error: "unknown-product" | "limit"; favourite: boolean };

/**
 * Puts a product in the customer's favourites (idempotent). The SKU must be a product of the
 * catalogue; a customer keeps at most MAX_FAVOURITES.
 */
export async function addFavourite(
  session: FavouritesSession,
  input: { sku: string },
  db?: Database,
): Promise<FavouriteEditResult> {
  const database = await databaseOf(db);
  const owner = favouritesOwnerOf(session);
  const product = await productBySku(database, input.sku);
  if (!product) return { ok: false, error: "unknown-product", favourite: false };
  const sku = product.sku;
  const [existing] = await database
    .select({ sku: favourites.sku })
    .from(favourites)
    .where(and(eq(favourites.customerCode, owner.customerCode), eq(favourites.sku, sku)));
  if (existing) return { ok: true, favourite: true };
  const [row] = await database
    .select({ total: count() })
    .from(favourites)
    .where(eq(favourites.customerCode, owner.customerCode));
  if ((row?.total ?? 0) >= MAX_FAVOURITES) return { ok: false, error: "limit", favourite: false };
  await database
    .insert(favourites)
    .values({ customerCode: owner.customerCode, sku, addedBy: owner.userKey })
    .onConflictDoNothing();
  return { ok: true, favourite: true };
}

/** Takes a product out of the customer's favourites; removing one that is not there is fine. */
export async function removeFavourite(
  session: FavouritesSession,
  input: { sku: string },
  db?: Database,
): Promise<FavouriteEditResult> {
  const database = await databaseOf(db);
  const owner = favouritesOwnerOf(session);
  await database
    .delete(favourites)
    .where(and(eq(favourites.customerCode, owner.customerCode), eq(favourites.sku, input.sku)));
  return { ok: true, favourite: false };
}

/**
 * The star: sets the state the dealer asked for (not a blind flip, so a double submission or two
 * tabs end where the dealer meant).
 */
export async function toggleFavourite(
  session: FavouritesSession,
  input: { sku: string; favourite: boolean },
  db?: Database,
): Promise<FavouriteEditResult> {
  return input.favourite ? addFavourite(session, input, db) : removeFavourite(session, input, db);
}
