import "server-only";

import type { SessionToken } from "@/lib/auth/session-types";
import { getDb } from "@/lib/db";

import { cartOwnerOf } from "./owner";
import { productsBySku } from "./resolve";
import { cartLineCount, readCart } from "./store";
import { buildCartView, type CartView } from "./view";

/** The session's cart, checked against the mirror (for the cart and checkout pages). */
export async function cartViewFor(session: SessionToken): Promise<CartView> {
  const db = await getDb();
  const stored = await readCart(db, cartOwnerOf(session));
  const products = await productsBySku(
    db,
    stored.map((line) => line.sku),
  );
  return buildCartView(stored, products);
}

export async function cartCountFor(session: SessionToken): Promise<number> {
  return cartLineCount(await getDb(), cartOwnerOf(session));
}
