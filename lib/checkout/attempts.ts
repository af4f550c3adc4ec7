import { randomInt } from "node:crypto";

import { and, desc, eq, inArray, ne, or, sql } from "drizzle-orm";

import type { CartOwner } from "@/lib/cart/store";
import { subtractOrdered } from "@/lib/cart/store";
import type { Database } from "@/lib/db";
import { checkoutAttempts, type CheckoutAttemptRow } from "@/lib/db/schema";

import { assertTransition, CLAIMABLE, type AttemptState } from "./states";

/**
 * The checkout attempts table: the record that makes sending an order idempotent. An attempt
 * belongs to its owner (the person and the customer they order for): its id comes back from the
 * browser, so every read and write here is by owner AND id, never by id alone. Every change of
 * state goes through the table of lib/checkout/states.ts.
 */

export type { AttemptState } from "./states";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function newAttemptId(): string {
  return Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/** A 'sending' attempt older than this lost its process (restart, crash): its outcome is unknown. */
export const STALE_SENDING_MS = 2 * 60_000;

function ownedBy(owner: CartOwner, id: string) {
  return and(
    eq(checkoutAttempts.userKey, owner.userKey),
    eq(checkoutAttempts.customerCode, owner.customerCode),
    eq(checkoutAttempts.id, id),
  );
}

export async function findAttempt(db: Database, owner: CartOwner, id: string): Promise<CheckoutAttemptRow | null> {
  const [row] = await db.select().from(checkoutAttempts).where(ownedBy(owner, id)).limit(1);
  return row ?? null;
}

/** Attempts of this cart whose outcome is not settled: being sent, or unknown. */
export async function unsettledAttempts(db: Database, owner: CartOwner): Promise<CheckoutAttemptRow[]> {
  return db
    .select()
    .from(checkoutAttempts)
    .where(
      and(
        eq(checkoutAttempts.userKey, owner.userKey),
        eq(checkoutAttempts.customerCode, owner.customerCode),
        inArray(checkoutAttempts.state, ["sending", "unknown"]),
      ),
    )
    .orderBy(desc(checkoutAttempts.createdAt));
}

/**
 * The owner's latest attempt, when it placed an order after `since`: the order their last cart became
 * (said on the checkout page when it is opened again with the cart empty). Null otherwise.
 */
export async function lastPlacedAttempt(
  db: Database,
  owner: CartOwner,
  since: Date,
): Promise<CheckoutAttemptRow | null> {
  const [latest] = await db
    .select()
    .from(checkoutAttempts)
    .where(and(eq(checkoutAttempts.userKey, owner.userKey), eq(checkoutAttempts.customerCode, owner.customerCode)))
    .orderBy(desc(checkoutAttempts.createdAt))
    .limit(1);
  if (!latest || latest.state !== "placed" || !latest.upstreamOrderId || latest.updatedAt < since) return null;
  return latest;
}

/** Runs `work` while holding this cart's lock, so two requests never claim attempts of one cart at once. */
export async function withCartLock<T>(db: Database, owner: CartOwner, work: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${owner.userKey}|${owner.customerCode}`}))`);
    return work(tx as unknown as Database);
  });
}

/**
 * Whether an attempt id is already used by another owner (another person, or the same person for
 * another customer). The id is also the marker by which the order is found at the wholesaler, so
 * it must be unique; call inside withCartLock: it takes a lock on the id until the transaction ends.
 */
export async function attemptIdTakenByOther(tx: Database, owner: CartOwner, id: string): Promise<boolean> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`checkout-attempt|${id}`}))`);
  const [row] = await tx
    .select({ id: checkoutAttempts.id })
    .from(checkoutAttempts)
    .where(
      and(
        eq(checkoutAttempts.id, id),
        or(ne(checkoutAttempts.userKey, owner.userKey), ne(checkoutAttempts.customerCode, owner.customerCode)),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Records a new attempt (state pending) for its owner, before anything is sent. */
export async function insertAttempt(
  db: Database,
  owner: CartOwner,
  values: Omit<typeof checkoutAttempts.$inferInsert, "state" | "sends" | "userKey" | "customerCode">,
): Promise<void> {
  await db
    .insert(checkoutAttempts)
    .values({ ...values, userKey: owner.userKey, customerCode: owner.customerCode, state: "pending", sends: 0 })
    .onConflictDoNothing();
}

/** Brings an owner's attempt that was never sent successfully up to date with the current form and cart. */
export async function refreshAttempt(
  db: Database,
  owner: CartOwner,
  id: string,
  values: Pick<CheckoutAttemptRow, "request" | "cartSnapshot">,
): Promise<void> {
  await db
    .update(checkoutAttempts)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(ownedBy(owner, id), inArray(checkoutAttempts.state, [...CLAIMABLE])));
}

/** Claims an owner's attempt for one send: only from pending or failed, and only by one request. */
export async function claimForSending(db: Database, owner: CartOwner, id: string): Promise<CheckoutAttemptRow | null> {
  assertTransition(CLAIMABLE, "sending");
  const [row] = await db
    .update(checkoutAttempts)
    .set({ state: "sending", sends: sql`${checkoutAttempts.sends} + 1`, updatedAt: sql`now()` })
    .where(and(ownedBy(owner, id), inArray(checkoutAttempts.state, [...CLAIMABLE])))
    .returning();
  return row ?? null;
}

/**
 * Moves an owner's attempt from one of `from` to `to` (a transition of the table, or it throws).
 * False when the attempt was no longer in `from`: another request moved it first.
 */
export async function moveAttempt(
  db: Database,
  owner: CartOwner,
  id: string,
  from: AttemptState | readonly AttemptState[],
  to: AttemptState,
  outcome: Record<string, unknown> = {},
): Promise<boolean> {
  const sources = typeof from === "string" ? [from] : [...from];
  assertTransition(sources, to);
  const moved = await db
    .update(checkoutAttempts)
    .set({ state: to, outcome, updatedAt: sql`now()` })
    .where(and(ownedBy(owner, id), inArray(checkoutAttempts.state, sources)))
    .returning({ id: checkoutAttempts.id });
  return moved.length > 0;
}

/**
 * Records the order the upstream took and takes the attempt's lines out of its owner's cart, in
 * one transaction; only once, however many requests learn of the order.
 */
export async function markPlaced(
  db: Database,
  owner: CartOwner,
  attempt: Pick<CheckoutAttemptRow, "id" | "cartSnapshot">,
  from: readonly AttemptState[],
  order: { id: string; status: string; createdAt?: Date | null },
): Promise<void> {
  assertTransition(from, "placed");
  // The wholesaler's created_at is kept: the order's "Placed on" (lib/orders/placed-dates.ts).
  const placed = order.createdAt ? { outcome: { createdAt: order.createdAt.toISOString() } } : {};
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(checkoutAttempts)
      .set({
        state: "placed",
        upstreamOrderId: order.id,
        upstreamStatus: order.status,
        ...placed,
        updatedAt: sql`now()`,
      })
      .where(and(ownedBy(owner, attempt.id), inArray(checkoutAttempts.state, [...from])))
      .returning({ id: checkoutAttempts.id });
    if (updated) await subtractOrdered(tx as unknown as Database, owner, attempt.cartSnapshot);
  });
}
