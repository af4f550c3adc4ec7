import "server-only";

import type { SessionToken } from "@/lib/auth/session-types";
import { getDb } from "@/lib/db";

import { cartOwnerOf } from "./owner";
import { cartLineCount as storedLineCount } from "./store";
import type { CartView } from "./view";
import { cartViewOf } from "./view-of";

/** The session's cart, checked against the mirror (for the cart and checkout pages). */
export async function viewCart(session: SessionToken): Promise<CartView> {
  return cartViewOf(await getDb(), cartOwnerOf(session));
}

/** How many lines the session's cart holds (the badge in the navigation). */
export async function cartLineCount(session: SessionToken): Promise<number> {
  return storedLineCount(await getDb(), cartOwnerOf(session));
}
