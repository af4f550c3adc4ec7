import { failureCount, nextFailures, type PendingFailure } from "@/lib/catalogue/store/failures";
import { productCounts } from "@/lib/catalogue/store/products";
import {
  lastRun,
  readSyncState,
  type RunKind,
  type RunOutcome,
  type SyncStateRow,
} from "@/lib/catalogue/store/sync-records";
import type { Database } from "@/lib/db/client";

import { errorReason, reasonSaysAll, runReason, type ErrorReason, type RunReason } from "./run-reasons";
import type { StockFailure } from "./stock-sync";

export interface CatalogueSyncStatus {
  /** When the first full sync finished; null until then (pages fall back to the upstream). */
  firstCompletedAt: Date | null;
  lastRun: {
    kind: RunKind;
    startedAt: Date;
    finishedAt: Date | null;
    outcome: RunOutcome;
    /** The sync's own English words, for staff to see as the system's; null where `reason` says it all. */
    message: string | null;
    /** Why the run did not simply succeed; null for a success, or a run from before reasons were kept. */
    reason: RunReason | null;
    counts: { listed: number; stored: number; failed: number; vanished: number; upstreamCalls: number };
  } | null;
  /** The newest upstream `last_modified` the mirror is complete up to. */
  watermark: Date | null;
  lastSuccessAt: Date | null;
  /** When stock colours were last refreshed from the upstream's stock list. */
  stockUpdatedAt: Date | null;
  /** The last stock run, when it failed: when and why (its English message only where the reason does not say it all). */
  stockFailure: { at: Date; reason: RunReason; message: string | null } | null;
  products: { total: number; available: number };
  /** Products whose detail failed and that later runs retry. */
  failuresPending: number;
  /** The first of them in line for a retry (at most `FAILURES_SHOWN`), soonest first. */
  nextFailures: ShownFailure[];
  /** Seconds since the last run that reached its end; null before the first. */
  lagSeconds: number | null;
}

/** A product waiting for a retry, with why its last attempt failed (null when it was recorded before reasons were kept). */
export type ShownFailure = Omit<PendingFailure, "reason"> & { reason: ErrorReason | null };

/** How many of the products waiting for a retry the status names. */
export const FAILURES_SHOWN = 20;

/** What the admin status view shows about the catalogue mirror. */
export async function catalogueSyncStatus(db: Database, now: Date = new Date()): Promise<CatalogueSyncStatus> {
  const [state, stock, run, products, failuresPending, failures] = await Promise.all([
    readSyncState(db, "catalogue"),
    readSyncState(db, "stock"),
    lastRun(db),
    productCounts(db),
    failureCount(db),
    nextFailures(db, FAILURES_SHOWN),
  ]);
  const lastSuccessAt = state?.lastSuccessAt ?? null;
  return {
    firstCompletedAt: state?.firstCompletedAt ?? null,
    lastRun: run
      ? {
          kind: run.kind === "full" ? "full" : "incremental",
          startedAt: run.startedAt,
          finishedAt: run.finishedAt,
          outcome: run.outcome as RunOutcome,
          message: reasonSaysAll(runReason(run.reason)) ? null : run.message,
          reason: runReason(run.reason),
          counts: {
            listed: run.listed,
            stored: run.stored,
            failed: run.failed,
            vanished: run.vanished,
            upstreamCalls: run.upstreamCalls,
          },
        }
      : null,
    watermark: state?.watermark ?? null,
    lastSuccessAt,
    stockUpdatedAt: stock?.lastSuccessAt ?? null,
    stockFailure: stockFailure(stock),
    products,
    failuresPending,
    nextFailures: failures.map((failure) => ({ ...failure, reason: errorReason(failure.reason) })),
    lagSeconds: lastSuccessAt ? Math.max(0, Math.round((now.getTime() - lastSuccessAt.getTime()) / 1000)) : null,
  };
}

/** The stock run's failure its state keeps, while no run has succeeded since. */
function stockFailure(state: SyncStateRow | null): CatalogueSyncStatus["stockFailure"] {
  const failure = state?.details.lastFailure as Partial<StockFailure> | undefined;
  const reason = runReason(typeof failure?.reason === "string" ? failure.reason : null);
  if (!state?.lastRunAt || !reason) return null;
  if (state.lastSuccessAt && state.lastSuccessAt >= state.lastRunAt) return null;
  const message = typeof failure?.message === "string" && !reasonSaysAll(reason) ? failure.message : null;
  return { at: state.lastRunAt, reason, message };
}

/**
 * How far the first full sync has got, for the pages' banner until it finishes: the products stored, and
 * how many the upstream listed in the last run (0 until its list was read). Two reads, not the whole status.
 */
export async function firstSyncProgress(db: Database): Promise<{ stored: number; listed: number }> {
  const [run, products] = await Promise.all([lastRun(db), productCounts(db)]);
  return { stored: products.available, listed: run?.listed ?? 0 };
}

/** Whether the first full sync has finished: until then pages say so and ask the upstream for single products. */
export async function isCatalogueReady(db: Database): Promise<boolean> {
  const state = await readSyncState(db, "catalogue");
  return Boolean(state?.firstCompletedAt);
}
