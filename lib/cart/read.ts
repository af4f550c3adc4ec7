import "server-only";

import type { SessionToken } from "@/lib/auth/session-types";
import { getDb } from "@/lib/db";

import { cartOwnerOf } from "./owner";
import { cartLineCount as storedLineCount } from "./store";
import type { CartView } from "./view";
import { cartViewOf } from "./view-of";

/** A cart as a page shows it, and when it began to be read (by this server's clock, Date.now()). */
export type CartReading = CartView & { readAt: number };

/**
 * The session's cart, checked against the mirror (for the cart and checkout pages). `readAt` is taken
 * before the read: a change stored after it may be missing (components/cart/cart-freshness.tsx).
 */
export async function viewCart(session: SessionToken): Promise<CartReading> {
  const readAt = Date.now();
  return { ...(await cartViewOf(await getDb(), cartOwnerOf(session))), readAt };
}

/** How many lines the session's cart holds (the badge in the navigation). */
export async function cartLineCount(session: SessionToken): Promise<number> {
  return storedLineCount(await getDb(), cartOwnerOf(session));
}
