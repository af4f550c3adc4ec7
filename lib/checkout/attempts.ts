import { randomInt } from "node:crypto";

import { and, desc, eq, inArray, sql } from "drizzle-orm";

import type { CartOwner } from "@/lib/cart/store";
import { subtractOrdered } from "@/lib/cart/store";
import type { Database } from "@/lib/db";
import { checkoutAttempts, type CheckoutAttemptRow } from "@/lib/db/schema";

/**
 * The checkout attempts table: the record that makes sending an order
 * idempotent. An attempt is claimed for sending by one request at a time.
 */

export type AttemptState = "pending" | "sending" | "placed" | "rejected" | "unknown" | "failed";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function newAttemptId(): string {
  return Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/** A 'sending' attempt older than this lost its process (restart, crash): its outcome is unknown. */
export const STALE_SENDING_MS = 2 * 60_000;

export async function findAttempt(db: Database, owner: CartOwner, id: string): Promise<CheckoutAttemptRow | null> {
  const [row] = await db
    .select()
    .from(checkoutAttempts)
    .where(
      and(
        eq(checkoutAttempts.id, id),
        eq(checkoutAttempts.userKey, owner.userKey),
        eq(checkoutAttempts.customerCode, owner.customerCode),
      ),
    )
    .limit(1);
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

/** Runs `work` while holding this cart's lock, so two requests never claim attempts of one cart at once. */
export async function withCartLock<T>(db: Database, owner: CartOwner, work: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${owner.userKey}|${owner.customerCode}`}))`);
    return work(tx as unknown as Database);
  });
}

export async function insertAttempt(
  db: Database,
  values: Omit<typeof checkoutAttempts.$inferInsert, "state" | "sends">,
): Promise<void> {
  await db
    .insert(checkoutAttempts)
    .values({ ...values, state: "pending", sends: 0 })
    .onConflictDoNothing();
}

/** Brings an attempt that was never sent successfully up to date with the current form and cart. */
export async function refreshAttempt(
  db: Database,
  id: string,
  values: Pick<CheckoutAttemptRow, "request" | "cartSnapshot">,
): Promise<void> {
  await db
    .update(checkoutAttempts)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(checkoutAttempts.id, id), inArray(checkoutAttempts.state, ["pending", "failed"])));
}

/** Claims an attempt for one send: only from pending or failed, and only by one request. */
export async function claimForSending(db: Database, id: string): Promise<CheckoutAttemptRow | null> {
  const [row] = await db
    .update(checkoutAttempts)
    .set({ state: "sending", sends: sql`${checkoutAttempts.sends} + 1`, updatedAt: sql`now()` })
    .where(and(eq(checkoutAttempts.id, id), inArray(checkoutAttempts.state, ["pending", "failed"])))
    .returning();
  return row ?? null;
}

export async function setAttemptState(
  db: Database,
  id: string,
  state: AttemptState,
  outcome: Record<string, unknown> = {},
): Promise<void> {
  await db
    .update(checkoutAttempts)
    .set({ state, outcome, updatedAt: sql`now()` })
    .where(eq(checkoutAttempts.id, id));
}

/** Records the order the upstream took and takes its lines out of the cart, in one transaction. */
export async function markPlaced(
  db: Database,
  attempt: CheckoutAttemptRow,
  owner: CartOwner,
  order: { id: string; status: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(checkoutAttempts)
      .set({
        state: "placed",
        upstreamOrderId: order.id,
        upstreamStatus: order.status,
        updatedAt: sql`now()`,
      })
      .where(and(eq(checkoutAttempts.id, attempt.id), sql`${checkoutAttempts.state} <> 'placed'`))
      .returning({ id: checkoutAttempts.id });
    if (updated) await subtractOrdered(tx as unknown as Database, owner, attempt.cartSnapshot);
  });
}
