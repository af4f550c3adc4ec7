import { and, asc, eq, inArray, sql } from "drizzle-orm";

import type { Database } from "@/lib/db";
import { cartLines, carts } from "@/lib/db/schema";

import { MAX_LINE_QUANTITY } from "./quantity";

/** Whose cart: a person, for the customer they act for. */
export interface CartOwner {
  userKey: string;
  customerCode: string;
}

export interface StoredLine {
  sku: string;
  quantity: number;
  addedAt: Date;
}

async function cartId(db: Database, owner: CartOwner, create: boolean): Promise<number | null> {
  const [found] = await db
    .select({ id: carts.id })
    .from(carts)
    .where(and(eq(carts.userKey, owner.userKey), eq(carts.customerCode, owner.customerCode)))
    .limit(1);
  if (found || !create) return found?.id ?? null;
  const [created] = await db
    .insert(carts)
    .values(owner)
    .onConflictDoUpdate({ target: [carts.userKey, carts.customerCode], set: { updatedAt: sql`now()` } })
    .returning({ id: carts.id });
  return created?.id ?? null;
}

export async function readCart(db: Database, owner: CartOwner): Promise<StoredLine[]> {
  const id = await cartId(db, owner, false);
  if (id === null) return [];
  return db
    .select({ sku: cartLines.sku, quantity: cartLines.quantity, addedAt: cartLines.addedAt })
    .from(cartLines)
    .where(eq(cartLines.cartId, id))
    .orderBy(asc(cartLines.addedAt), asc(cartLines.sku));
}

/** What one line holds now (0 when the product is not in the cart). */
export async function storedQuantity(db: Database, owner: CartOwner, sku: string): Promise<number> {
  const id = await cartId(db, owner, false);
  if (id === null) return 0;
  const [line] = await db
    .select({ quantity: cartLines.quantity })
    .from(cartLines)
    .where(and(eq(cartLines.cartId, id), eq(cartLines.sku, sku)))
    .limit(1);
  return line?.quantity ?? 0;
}

export async function cartLineCount(db: Database, owner: CartOwner): Promise<number> {
  const id = await cartId(db, owner, false);
  if (id === null) return 0;
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(cartLines)
    .where(eq(cartLines.cartId, id));
  return row?.count ?? 0;
}

/**
 * Adds quantities to the cart, summed with what a line already holds, in one statement (two adds at
 * once both count). A line holds at most its `maximum` (a whole number of sales units, lineMaximum;
 * MAX_LINE_QUANTITY when not given): the sum is capped there. Returns each line's quantity afterwards.
 */
export async function addToStoredCart(
  db: Database,
  owner: CartOwner,
  given: { sku: string; quantity: number; maximum?: number }[],
): Promise<Map<string, number>> {
  if (!given.length) return new Map();
  const lines = given.map((line) => ({ ...line, maximum: line.maximum ?? MAX_LINE_QUANTITY }));
  const id = await cartId(db, owner, true);
  if (id === null) throw new Error("cart could not be created");
  const maximum = sql.join(
    [sql`case excluded.sku`, ...lines.map((line) => sql`when ${line.sku} then ${line.maximum}::int`), sql`end`],
    sql` `,
  );
  const stored = await db
    .insert(cartLines)
    .values(lines.map((line) => ({ cartId: id, sku: line.sku, quantity: Math.min(line.quantity, line.maximum) })))
    .onConflictDoUpdate({
      target: [cartLines.cartId, cartLines.sku],
      set: { quantity: sql`least(${cartLines.quantity} + excluded.quantity, ${maximum})` },
    })
    .returning({ sku: cartLines.sku, quantity: cartLines.quantity });
  await db
    .update(carts)
    .set({ updatedAt: sql`now()` })
    .where(eq(carts.id, id));
  return new Map(stored.map((line) => [line.sku, line.quantity]));
}

export async function setStoredQuantity(db: Database, owner: CartOwner, sku: string, quantity: number): Promise<void> {
  const id = await cartId(db, owner, true);
  if (id === null) throw new Error("cart could not be created");
  await db
    .insert(cartLines)
    .values({ cartId: id, sku, quantity })
    .onConflictDoUpdate({ target: [cartLines.cartId, cartLines.sku], set: { quantity } });
}

export async function removeStoredLines(db: Database, owner: CartOwner, skus: string[]): Promise<void> {
  const id = await cartId(db, owner, false);
  if (id === null || !skus.length) return;
  await db.delete(cartLines).where(and(eq(cartLines.cartId, id), inArray(cartLines.sku, skus)));
}

export async function emptyStoredCart(db: Database, owner: CartOwner): Promise<void> {
  const id = await cartId(db, owner, false);
  if (id === null) return;
  await db.delete(cartLines).where(eq(cartLines.cartId, id));
}

/**
 * Takes an ordered snapshot out of the cart: each line loses the ordered
 * quantity, and disappears when nothing is left. What was added meanwhile stays.
 */
export async function subtractOrdered(
  db: Database,
  owner: CartOwner,
  ordered: { sku: string; quantity: number }[],
): Promise<void> {
  const id = await cartId(db, owner, false);
  if (id === null) return;
  for (const line of ordered) {
    await db
      .update(cartLines)
      .set({ quantity: sql`${cartLines.quantity} - ${line.quantity}` })
      .where(and(eq(cartLines.cartId, id), eq(cartLines.sku, line.sku)));
  }
  await db.delete(cartLines).where(and(eq(cartLines.cartId, id), sql`${cartLines.quantity} <= 0`));
}
