import { and, desc, eq, lt, sql } from "drizzle-orm";

import type { Database } from "@/lib/db/client";
import type { RunReason } from "@/lib/catalogue/sync/run-reasons";
import { syncRuns, syncState } from "@/lib/db/schema";

/** The kinds of sync that keep a row in sync_state. */
export type SyncStateKind = "catalogue" | "stock";

export type SyncStateRow = typeof syncState.$inferSelect;
export type SyncRunRow = typeof syncRuns.$inferSelect;

export async function readSyncState(db: Database, kind: SyncStateKind): Promise<SyncStateRow | null> {
  const [row] = await db.select().from(syncState).where(eq(syncState.kind, kind));
  return row ?? null;
}

/** Creates or updates the state row of a kind; only the given fields change. */
export async function saveSyncState(
  db: Database,
  kind: SyncStateKind,
  patch: Partial<Omit<SyncStateRow, "kind">>,
): Promise<void> {
  await db
    .insert(syncState)
    .values({ kind, ...patch })
    .onConflictDoUpdate({ target: syncState.kind, set: patch });
}

export type RunKind = "full" | "incremental";
export type RunOutcome = "running" | "success" | "partial" | "aborted" | "failed";

export interface RunCounts {
  listed: number;
  stored: number;
  failed: number;
  vanished: number;
  upstreamCalls: number;
}

export async function startRun(db: Database, kind: RunKind, startedAt: Date): Promise<number> {
  const [row] = await db.insert(syncRuns).values({ kind, startedAt }).returning({ id: syncRuns.id });
  if (!row) throw new Error("sync_runs insert returned no row");
  return row.id;
}

/** Saves counts while the run goes on (so a killed run still tells how far it got) and its end. */
export async function updateRun(
  db: Database,
  id: number,
  counts: RunCounts,
  end?: { outcome: Exclude<RunOutcome, "running">; finishedAt: Date; message: string | null; reason: RunReason | null },
): Promise<void> {
  await db
    .update(syncRuns)
    .set({ ...counts, ...(end ?? {}) })
    .where(eq(syncRuns.id, id));
}

/** Runs left "running" by a process that died: they ended, without saying how. */
export async function closeAbandonedRuns(db: Database, now: Date): Promise<void> {
  await db
    .update(syncRuns)
    .set({
      outcome: "aborted",
      finishedAt: now,
      message: sql`coalesce(${syncRuns.message}, 'process ended during the run')`,
      reason: sql`coalesce(${syncRuns.reason}, 'process_ended')`,
    })
    .where(eq(syncRuns.outcome, "running"));
}

export async function lastRun(db: Database): Promise<SyncRunRow | null> {
  const [row] = await db.select().from(syncRuns).orderBy(desc(syncRuns.startedAt), desc(syncRuns.id)).limit(1);
  return row ?? null;
}

/** Keeps the run history short: runs older than `keepDays` go. */
export async function pruneRuns(db: Database, now: Date, keepDays = 30): Promise<void> {
  const before = new Date(now.getTime() - keepDays * 86_400_000);
  await db.delete(syncRuns).where(and(lt(syncRuns.startedAt, before), sql`${syncRuns.outcome} <> 'running'`));
}
