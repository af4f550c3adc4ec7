import { and, asc, eq, inArray, sql } from "drizzle-orm";

import type { Database } from "@/lib/db";
import { resultRows } from "@/lib/db/client";
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

/** What an add left in the cart: each added line's quantity before and after it, and the cart's line count. */
export interface StoredAdd {
  lines: Map<string, { before: number; after: number }>;
  count: number;
}

/** The condition naming the owner's cart (one per person and customer). */
function ownedBy(owner: CartOwner) {
  return and(eq(carts.userKey, owner.userKey), eq(carts.customerCode, owner.customerCode));
}

async function cartId(db: Database, owner: CartOwner, create: boolean): Promise<number | null> {
  const [found] = await db.select({ id: carts.id }).from(carts).where(ownedBy(owner)).limit(1);
  if (found || !create) return found?.id ?? null;
  const [created] = await db
    .insert(carts)
    .values(owner)
    .onConflictDoUpdate({ target: [carts.userKey, carts.customerCode], set: { updatedAt: sql`now()` } })
    .returning({ id: carts.id });
  return created?.id ?? null;
}

/** The reads below are one statement each (the cart joined by its owner): a page asks the database once, not twice. */
export async function readCart(db: Database, owner: CartOwner): Promise<StoredLine[]> {
  return db
    .select({ sku: cartLines.sku, quantity: cartLines.quantity, addedAt: cartLines.addedAt })
    .from(cartLines)
    .innerJoin(carts, eq(carts.id, cartLines.cartId))
    .where(ownedBy(owner))
    .orderBy(asc(cartLines.addedAt), asc(cartLines.sku));
}

export async function cartLineCount(db: Database, owner: CartOwner): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(cartLines)
    .innerJoin(carts, eq(carts.id, cartLines.cartId))
    .where(ownedBy(owner));
  return row?.count ?? 0;
}

/**
 * Adds quantities to the cart, summed with what a line already holds, in one statement: the cart is
 * made when the owner has none, two adds at once both count, and the database is asked once (a scan
 * or an "Add to cart" under load waited on seven statements in a row before). A line holds at most
 * its `maximum` (a whole number of sales units, lineMaximum; MAX_LINE_QUANTITY when not given): the
 * sum is capped there. Says what each line held before and holds afterwards, and how many lines the
 * cart holds then. One SKU once per call (callers sum a SKU's lines first, addableLines).
 */
export async function addToStoredCart(
  db: Database,
  owner: CartOwner,
  given: { sku: string; quantity: number; maximum?: number }[],
): Promise<StoredAdd> {
  if (!given.length) return { lines: new Map(), count: await cartLineCount(db, owner) };
  const values = sql.join(
    given.map((line) => {
      const maximum = line.maximum ?? MAX_LINE_QUANTITY;
      return sql`(${line.sku}::text, ${Math.min(line.quantity, maximum)}::int, ${maximum}::int)`;
    }),
    sql`, `,
  );
  // Every part reads the table as it was when the statement began: `held` is the cart before the add.
  const rows = resultRows<{ sku: string; before: number | string; after: number | string; count: number | string }>(
    await db.execute(sql`
      with found as (
        update ${carts} set updated_at = now() where ${ownedBy(owner)} returning id
      ), created as (
        insert into ${carts} (user_key, customer_code)
        select ${owner.userKey}, ${owner.customerCode} where not exists (select 1 from found)
        on conflict (user_key, customer_code) do update set updated_at = now()
        returning id
      ), cart as (
        select id from found union all select id from created
      ), given (sku, quantity, maximum) as (
        values ${values}
      ), held as (
        select line.sku, line.quantity from ${cartLines} line join cart on line.cart_id = cart.id
      ), stored as (
        insert into ${cartLines} as line (cart_id, sku, quantity)
        select cart.id, given.sku, given.quantity from cart cross join given
        on conflict (cart_id, sku) do update set quantity = least(
          line.quantity + excluded.quantity,
          (select given.maximum from given where given.sku = excluded.sku)
        )
        returning line.sku, line.quantity
      )
      select stored.sku, coalesce(held.quantity, 0) as before, stored.quantity as after,
        (select count(*) from held) + (select count(*) from stored where stored.sku not in (select sku from held)) as count
      from stored left join held on held.sku = stored.sku`),
  );
  if (!rows.length) throw new Error("cart lines could not be stored");
  return {
    lines: new Map(rows.map((row) => [row.sku, { before: Number(row.before), after: Number(row.after) }])),
    count: Number(rows[0]!.count),
  };
}

/**
 * Sets the quantity of a line the owner's cart holds. False when it holds none for `sku` (removed in
 * another tab, ordered meanwhile): a quantity is never a way to put a product into the cart, which
 * only adds do, with their checks.
 */
export async function setStoredQuantity(
  db: Database,
  owner: CartOwner,
  sku: string,
  quantity: number,
): Promise<boolean> {
  const changed = await db
    .update(cartLines)
    .set({ quantity })
    .where(and(inArray(cartLines.cartId, ownCart(db, owner)), eq(cartLines.sku, sku)))
    .returning({ sku: cartLines.sku });
  return changed.length > 0;
}

/** The owner's cart's id, as a subquery of the statement that needs it. */
function ownCart(db: Database, owner: CartOwner) {
  return db.select({ id: carts.id }).from(carts).where(ownedBy(owner));
}

export async function removeStoredLines(db: Database, owner: CartOwner, skus: string[]): Promise<void> {
  if (!skus.length) return;
  await db.delete(cartLines).where(and(inArray(cartLines.cartId, ownCart(db, owner)), inArray(cartLines.sku, skus)));
}

export async function emptyStoredCart(db: Database, owner: CartOwner): Promise<void> {
  await db.delete(cartLines).where(inArray(cartLines.cartId, ownCart(db, owner)));
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
