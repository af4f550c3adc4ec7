import "server-only";

import { cache } from "react";

import { readSession } from "@/lib/auth/session";

import { favouriteSkus } from "./favourite-skus";

/**
 * The favourites of the request's customer, read once per request however many stars a page
 * draws (product cards of a grid): no query per card. Empty without a live session.
 */
export const requestFavouriteSkus = cache(async (): Promise<ReadonlySet<string>> => {
  const session = await readSession();
  return session ? favouriteSkus(session) : new Set<string>();
});
