import { createHash } from "node:crypto";

import { inArray, lt, sql } from "drizzle-orm";

import { resultRows } from "@/lib/db/client";
import type { Database } from "@/lib/db";
import { signInFailures } from "@/lib/db/schema";

/**
 * Failed sign-ins, counted in the database (table sign_in_failures), so that every portal instance
 * counts together and a restart forgets nothing. Three counters per attempt:
 * - the account from this address: a small limit, then delays that double with each failure;
 * - the address (any account): a larger limit, for one client trying many accounts;
 * - the account from anywhere: a much larger ceiling, for an attack spread over many addresses.
 * A stranger who types wrong passwords for a dealer's email fills only their own (account,
 * address) counter: the dealer signing in from their own address is not held up by it.
 */
export interface SignInLimits {
  perAccountAndAddress: number;
  perAddress: number;
  perAccount: number;
  windowMs: number;
}

/** The first delay once the (account, address) limit is reached; it doubles with every failure. */
export const FIRST_DELAY_MS = 15_000;

export interface SignInAttempt {
  /** The account tried (email, lower case), or null for the API-token form. */
  account: string | null;
  /** The client's address (see lib/security/client-address). */
  address: string;
}

type Kind = "pair" | "address" | "account";

/** Keys hold no email address: a hash of it. */
function digest(value: string): string {
  return createHash("sha256").update(value).digest("base64url").slice(0, 32);
}

function keysOf(attempt: SignInAttempt): { kind: Kind; key: string }[] {
  const account = attempt.account === null ? "token-form" : `account:${digest(attempt.account)}`;
  const keys: { kind: Kind; key: string }[] = [
    { kind: "pair", key: `pair:${account}|${attempt.address}` },
    { kind: "address", key: `address:${attempt.address}` },
  ];
  if (attempt.account !== null) keys.push({ kind: "account", key: account });
  return keys;
}

/** Until when a counter that has just reached `failures` blocks further attempts (null: it does not). */
function blockedUntil(kind: Kind, failures: number, windowStartedAt: Date, now: Date, limits: SignInLimits) {
  const windowEnd = windowStartedAt.getTime() + limits.windowMs;
  if (kind === "pair") {
    if (failures < limits.perAccountAndAddress) return null;
    const delay = FIRST_DELAY_MS * 2 ** Math.min(20, failures - limits.perAccountAndAddress);
    return new Date(now.getTime() + Math.min(delay, limits.windowMs));
  }
  const limit = kind === "address" ? limits.perAddress : limits.perAccount;
  return failures >= limit ? new Date(Math.max(windowEnd, now.getTime() + FIRST_DELAY_MS)) : null;
}

/** Seconds until this attempt may be made; 0 when it may be made now. */
export async function signInBlockedForSeconds(db: Database, attempt: SignInAttempt, now = new Date()): Promise<number> {
  const keys = keysOf(attempt).map((entry) => entry.key);
  const rows = await db
    .select({ blockedUntil: signInFailures.blockedUntil })
    .from(signInFailures)
    .where(inArray(signInFailures.key, keys));
  let until = 0;
  for (const row of rows) if (row.blockedUntil) until = Math.max(until, row.blockedUntil.getTime());
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/** Counts a failed attempt in each of its counters (a new window once the last one has passed). */
export async function recordSignInFailure(
  db: Database,
  attempt: SignInAttempt,
  limits: SignInLimits,
  now = new Date(),
): Promise<void> {
  const windowStart = new Date(now.getTime() - limits.windowMs);
  for (const { kind, key } of keysOf(attempt)) {
    const result = await db.execute(sql`
      insert into ${signInFailures} (key, failures, window_started_at, last_failure_at, blocked_until)
      values (${key}, 1, ${now.toISOString()}, ${now.toISOString()}, null)
      on conflict (key) do update set
        failures = case when ${signInFailures}.window_started_at <= ${windowStart.toISOString()}
          then 1 else ${signInFailures}.failures + 1 end,
        window_started_at = case when ${signInFailures}.window_started_at <= ${windowStart.toISOString()}
          then excluded.window_started_at else ${signInFailures}.window_started_at end,
        last_failure_at = excluded.last_failure_at
      returning failures, window_started_at`);
    const [row] = resultRows<{ failures: number; window_started_at: string | Date }>(result);
    if (!row) continue;
    const until = blockedUntil(kind, Number(row.failures), new Date(row.window_started_at), now, limits);
    if (until) {
      await db.execute(sql`update ${signInFailures} set blocked_until = ${until.toISOString()} where key = ${key}`);
    }
  }
  // Now and then, forget counters whose window passed long ago.
  if (Math.random() < 0.02) {
    const stale = new Date(now.getTime() - 2 * limits.windowMs - 24 * 60 * 60 * 1000);
    await db.delete(signInFailures).where(lt(signInFailures.lastFailureAt, stale));
  }
}

/** A successful sign-in forgets the failures of this account from this address. */
export async function recordSignInSuccess(db: Database, attempt: SignInAttempt): Promise<void> {
  const [pair] = keysOf(attempt);
  if (pair) await db.delete(signInFailures).where(inArray(signInFailures.key, [pair.key]));
}
