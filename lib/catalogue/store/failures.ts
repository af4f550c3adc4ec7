import { asc, eq, inArray, sql } from "drizzle-orm";

import type { Database } from "@/lib/db/client";
import { products, syncFailures } from "@/lib/db/schema";

/** A product whose detail could not be fetched, retried by later runs. */
export interface SyncFailure {
  sku: string;
  lastModified: Date | null;
  attempts: number;
  /** The last attempt's error in its own (English) words, for the logs and staff. */
  lastError: string;
  /** Why the last attempt failed, as a code (an `ErrorReason`); null for a failure recorded before reasons were kept. */
  reason: string | null;
  nextAttemptAt: Date;
}

export interface FailureBackoff {
  /** Wait after the first failure; doubled per further attempt. */
  baseMs: number;
  /** Longest wait between two attempts. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: FailureBackoff = { baseMs: 60_000, maxMs: 6 * 60 * 60_000 };

export function nextAttemptAt(attempts: number, now: Date, backoff: FailureBackoff): Date {
  const wait = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, Math.min(30, attempts - 1)));
  return new Date(now.getTime() + wait);
}

/** Records failures; a SKU that failed before counts one attempt more and waits longer. */
export async function recordFailures(
  db: Database,
  failures: ReadonlyArray<{ sku: string; lastModified: Date | null; error: string; reason: string }>,
  now: Date,
  backoff: FailureBackoff = DEFAULT_BACKOFF,
): Promise<void> {
  if (failures.length === 0) return;
  const unique = new Map(failures.map((failure) => [failure.sku, failure]));
  const skus = [...unique.keys()];
  const previous = new Map(
    (
      await db
        .select({ sku: syncFailures.sku, attempts: syncFailures.attempts })
        .from(syncFailures)
        .where(inArray(syncFailures.sku, skus))
    ).map((row) => [row.sku, row.attempts]),
  );
  const rows = [...unique.values()].map((failure) => {
    const attempts = (previous.get(failure.sku) ?? 0) + 1;
    return {
      sku: failure.sku,
      lastModified: failure.lastModified,
      attempts,
      lastError: failure.error.slice(0, 1_000),
      reason: failure.reason,
      nextAttemptAt: nextAttemptAt(attempts, now, backoff),
    };
  });
  await db
    .insert(syncFailures)
    .values(rows)
    .onConflictDoUpdate({
      target: syncFailures.sku,
      set: {
        lastModified: sql`excluded.last_modified`,
        attempts: sql`excluded.attempts`,
        lastError: sql`excluded.last_error`,
        reason: sql`excluded.reason`,
        nextAttemptAt: sql`excluded.next_attempt_at`,
      },
    });
}

export async function clearFailures(db: Database, skus: readonly string[]): Promise<void> {
  if (skus.length === 0) return;
  await db.delete(syncFailures).where(inArray(syncFailures.sku, [...new Set(skus)]));
}

export async function listFailures(db: Database): Promise<SyncFailure[]> {
  return db.select().from(syncFailures).orderBy(syncFailures.lastModified);
}

export async function failureCount(db: Database): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(syncFailures);
  return row?.count ?? 0;
}

/** A product waiting for a retry, as staff see it: its title when the mirror holds an older version. */
export interface PendingFailure extends SyncFailure {
  title: string | null;
}

/** The products next in line for a retry, soonest first, at most `limit` of them. */
export async function nextFailures(db: Database, limit: number): Promise<PendingFailure[]> {
  return db
    .select({
      sku: syncFailures.sku,
      lastModified: syncFailures.lastModified,
      attempts: syncFailures.attempts,
      lastError: syncFailures.lastError,
      reason: syncFailures.reason,
      nextAttemptAt: syncFailures.nextAttemptAt,
      title: products.title,
    })
    .from(syncFailures)
    .leftJoin(products, eq(products.sku, syncFailures.sku))
    .orderBy(asc(syncFailures.nextAttemptAt), asc(syncFailures.sku))
    .limit(limit);
}
