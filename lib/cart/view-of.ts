import type { Database } from "@/lib/db";

import { productsBySku } from "./resolve";
import { readCart, type CartOwner } from "./store";
import { buildCartView, type CartView } from "./view";

/** An owner's cart, checked against the mirror; `db` may be a transaction (checkout reads it under its lock). */
export async function cartViewOf(db: Database, owner: CartOwner): Promise<CartView> {
  const stored = await readCart(db, owner);
  const products = await productsBySku(
    db,
    stored.map((line) => line.sku),
  );
  return buildCartView(stored, products);
}
