import { inArray } from "drizzle-orm";

import { CacheTags } from "@/lib/catalogue/cache";
import { invalidateCatalogue, productChangeTags } from "@/lib/catalogue/cache-queries";
import { loadCategoryPaths, recomputeCategoryPaths, storeCategoryTree } from "@/lib/catalogue/store/categories";
import {
  clearFailures,
  DEFAULT_BACKOFF,
  listFailures,
  recordFailures,
  type FailureBackoff,
  type SyncFailure,
} from "@/lib/catalogue/store/failures";
import {
  markUnavailable,
  refreshStatistics,
  storedVersions,
  upsertProducts,
  vanishedSkus,
} from "@/lib/catalogue/store/products";
import {
  closeAbandonedRuns,
  lastRun,
  pruneRuns,
  readSyncState,
  saveSyncState,
  startRun,
  updateRun,
  type RunCounts,
  type RunKind,
  type RunOutcome,
} from "@/lib/catalogue/store/sync-records";
import type { Database } from "@/lib/db/client";
import { products } from "@/lib/db/schema";
import type { Product, ProductListEntry } from "@/lib/domain/product";
import { isUpstreamError } from "@/lib/upstream/errors";
import { toUpstreamMinute } from "@/lib/upstream/php-date";

import { LOCK_KEYS, tryAcquireLock } from "./lock";
import { processLogger, errorMessage, type SyncLogger } from "./logger";
import { Pressure } from "./pressure";
import type { MeteredUpstream } from "./upstream";
import { endingOfError, INTERRUPTED, reasonForError, type ErrorReason, type RunEnding } from "./run-reasons";
import { needsFetch, WatermarkTracker } from "./watermark";

export interface CatalogueSyncOptions {
  db: Database;
  upstream: MeteredUpstream;
  /** Product detail calls at a time (default 8). */
  concurrency?: number;
  logger?: SyncLogger;
  /** The clock of stamps and retry times; the upstream's own times drive the watermark. */
  now?: () => Date;
  /** Zone in which the upstream reads `modified_since` (default Europe/Amsterdam). */
  upstreamTimeZone?: string;
  /** How far before the watermark an incremental run asks from (default 10 minutes). */
  safetyMarginMs?: number;
  /** Every how many runs the complete SKU list is read to find vanished products (default 12; 1 = every run). */
  fullListEvery?: number;
  /** Products stored per write; the watermark moves after each (default 100). */
  batchSize?: number;
  backoff?: FailureBackoff;
  /** A product that failed this many times stops holding the watermark back (it is still retried). Default 10. */
  holdAttempts?: number;
  /** A Retry-After longer than this ends the run (what is stored stays stored). Default 300 s. */
  maxPauseSeconds?: number;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  /** A full run even after the first one completed. */
  full?: boolean;
  /** Read the complete SKU list in this run (vanished products), whatever `fullListEvery` says. */
  checkVanished?: boolean;
  /**
   * Skip when a run that succeeded (on any instance sharing the database) started less than this many
   * milliseconds ago: instances on their own timers then make one run per interval between them, not one each.
   */
  notWithinMs?: number;
}

export interface SyncProgress {
  kind: RunKind;
  phase: "categories" | "list" | "details" | "done";
  /** Product details to fetch in this run. */
  total: number;
  /** Of those, settled: stored, failed or gone. */
  done: number;
  stored: number;
  failed: number;
  vanished: number;
  upstreamCalls: number;
  /** Detail calls allowed at a time now (lowered after a 429). */
  concurrency: number;
}

export interface SyncReport extends RunCounts {
  /** False when another run held the lock: nothing was done. */
  ran: boolean;
  kind: RunKind;
  outcome: Exclude<RunOutcome, "running"> | "skipped";
  /** Listed products that needed fetching (changed, new, or failed before). */
  changed: number;
  /** Whether the complete SKU list was read (vanished products detected). */
  fullList: boolean;
  watermark: Date | null;
  durationMs: number;
  message: string | null;
}

interface WorkItem {
  sku: string;
  lastModified: Date | null;
  rateLimitRetries: number;
}

interface CatalogueDetails {
  runsSinceFullList?: number;
  lastFullListAt?: string;
  [key: string]: unknown;
}

class StopRun extends Error {}

const DEFAULTS = {
  concurrency: 8,
  upstreamTimeZone: "Europe/Amsterdam",
  safetyMarginMs: 10 * 60_000,
  fullListEvery: 12,
  batchSize: 100,
  holdAttempts: 10,
  maxPauseSeconds: 300,
} as const;

const RATE_LIMIT_RETRIES = 8;
/** Rows stored or marked gone in one run from which the planner's statistics are refreshed. */
const STATISTICS_AFTER = 1_000;

function skippedReport(durationMs: number): SyncReport {
  return {
    ran: false,
    kind: "incremental",
    outcome: "skipped",
    changed: 0,
    fullList: false,
    listed: 0,
    stored: 0,
    failed: 0,
    vanished: 0,
    upstreamCalls: 0,
    watermark: null,
    durationMs,
    message: null,
  };
}

/**
 * The catalogue mirror's sync: the category tree and every product on the first run, then only
 * what changed. See `run` for one pass.
 */
export class CatalogueSync {
  private readonly db: Database;
  private readonly upstream: MeteredUpstream;
  private readonly logger: SyncLogger;
  private readonly now: () => Date;
  private readonly settings: Required<Omit<CatalogueSyncOptions, "db" | "upstream" | "logger" | "now" | "backoff">> & {
    backoff: FailureBackoff;
  };

  constructor(options: CatalogueSyncOptions) {
    this.db = options.db;
    this.upstream = options.upstream;
    this.logger = options.logger ?? processLogger;
    this.now = options.now ?? (() => new Date());
    this.settings = {
      concurrency: options.concurrency ?? DEFAULTS.concurrency,
      upstreamTimeZone: options.upstreamTimeZone ?? DEFAULTS.upstreamTimeZone,
      safetyMarginMs: options.safetyMarginMs ?? DEFAULTS.safetyMarginMs,
      fullListEvery: Math.max(1, options.fullListEvery ?? DEFAULTS.fullListEvery),
      batchSize: Math.max(1, options.batchSize ?? DEFAULTS.batchSize),
      holdAttempts: options.holdAttempts ?? DEFAULTS.holdAttempts,
      maxPauseSeconds: options.maxPauseSeconds ?? DEFAULTS.maxPauseSeconds,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
    };
  }

  /**
   * One pass, under the catalogue lock (a second instance skips with a log line):
   * - full (until one completed): the category tree, the whole SKU list, every product;
   * - incremental: the SKUs modified since the watermark (less a safety margin), of which only
   *   those whose update count or time differ from the stored version are fetched, plus failures
   *   that are due again; every `fullListEvery` runs the whole list, to find vanished products.
   * Never throws for an upstream or database failure: the report says what happened.
   */
  async run(options: RunOptions = {}): Promise<SyncReport> {
    const started = performance.now();
    const lock = await tryAcquireLock(this.db, LOCK_KEYS.catalogue);
    if (!lock) {
      this.logger.info("catalogue sync: skipped, another run holds the lock");
      return { ...skippedReport(performance.now() - started), message: "another run holds the lock" };
    }
    try {
      if (options.notWithinMs && !options.full) {
        const previous = await lastRun(this.db);
        const ago = previous ? this.now().getTime() - previous.startedAt.getTime() : Infinity;
        if (previous && ["success", "partial"].includes(previous.outcome) && ago < options.notWithinMs) {
          this.logger.info(`catalogue sync: skipped, a run started ${Math.round(ago / 1000)} s ago`);
          return { ...skippedReport(performance.now() - started), message: "another run started recently" };
        }
      }
      return await this.locked(options, started);
    } finally {
      await lock.release().catch((error: unknown) => {
        this.logger.warn(`catalogue sync: releasing the lock failed: ${errorMessage(error)}`);
      });
    }
  }

  private async locked(options: RunOptions, started: number): Promise<SyncReport> {
    const { db, upstream, settings } = this;
    const callsBefore = upstream.meter.calls;
    const counts: RunCounts = { listed: 0, stored: 0, failed: 0, vanished: 0, upstreamCalls: 0 };
    const pressure = new Pressure(settings.concurrency);
    const stopListening = upstream.meter.onRateLimited((seconds) => pressure.rateLimited(seconds));
    const internalStop = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, internalStop.signal]) : internalStop.signal;
    /** Set when the run stops itself early (the upstream asked to wait too long). */
    let stop: RunEnding | null = null;

    await closeAbandonedRuns(db, this.now());
    const state = await readSyncState(db, "catalogue");
    const details: CatalogueDetails = { ...(state?.details ?? {}) };
    const kind: RunKind = state?.firstCompletedAt && !options.full ? "incremental" : "full";
    const previousWatermark = state?.watermark ?? null;
    const runsSinceFullList = details.runsSinceFullList ?? 0;
    const fullList =
      kind === "full" ||
      options.checkVanished === true ||
      previousWatermark === null ||
      runsSinceFullList + 1 >= settings.fullListEvery;
    const runId = await startRun(db, kind, this.now());
    let changed = 0;
    let tracker: WatermarkTracker | null = null;
    let total = 0;
    let done = 0;

    const progress = (phase: SyncProgress["phase"]) => {
      counts.upstreamCalls = upstream.meter.calls - callsBefore;
      options.onProgress?.({ kind, phase, total, done, ...counts, concurrency: pressure.limit });
    };

    try {
      // The tree: on full-list runs (and always on a full run), so category pages know every category.
      if (fullList) {
        progress("categories");
        const tree = await upstream.client.categories();
        const result = await storeCategoryTree(db, tree, this.now());
        if (result.pathsChanged) await recomputeCategoryPaths(db);
        // The shared catalogue cache: titles may have changed; moved paths move every listing.
        await this.invalidate(result.pathsChanged ? [CacheTags.tree, CacheTags.listings] : [CacheTags.tree]);
      }
      const treePaths = await loadCategoryPaths(db);

      progress("list");
      const listed = await upstream.client.productSkus(
        fullList || previousWatermark === null
          ? {}
          : {
              modifiedSince: toUpstreamMinute(
                new Date(previousWatermark.getTime() - settings.safetyMarginMs),
                settings.upstreamTimeZone,
              ),
            },
        signal,
      );
      counts.listed = listed.length;
      const listedSkus = new Set(listed.map((entry) => entry.sku));
      const stored = await storedVersions(db, fullList ? undefined : [...listedSkus]);
      const failures = new Map((await listFailures(db)).map((failure) => [failure.sku, failure]));

      // A list with unreadable entries, or whose pages could not all be read, is not the whole catalogue:
      // a product it lacks may be the unreadable one, so nothing is marked gone from it.
      const wholeList = listed.skipped === 0 && listed.complete;
      if (fullList && !wholeList) {
        this.logger.warn(
          `catalogue sync: the SKU list was not read whole (${listed.skipped} unreadable entries${listed.complete ? "" : ", pages missing"}); not marking missing products unavailable`,
        );
      } else if (fullList) {
        const gone = vanishedSkus(stored, listedSkus);
        const available = [...stored.values()].filter((version) => version.available).length;
        if (gone.length > 0 && (listed.length === 0 || gone.length > available / 2)) {
          this.logger.warn(
            `catalogue sync: the SKU list lacks ${gone.length} of ${available} available products; not marking them unavailable (a broken list?)`,
          );
        } else if (gone.length > 0) {
          const before = await this.categoryPaths(gone);
          counts.vanished += await markUnavailable(db, gone, this.now());
          await clearFailures(db, gone);
          await this.invalidate([CacheTags.words, ...productChangeTags(before)]);
        }
        const goneFailures = [...failures.keys()].filter((sku) => !listedSkus.has(sku));
        await clearFailures(db, goneFailures);
        for (const sku of goneFailures) failures.delete(sku);
      }

      const plan = this.plan(listed, stored, failures, fullList);
      changed = plan.work.length;
      if (plan.staleFailures.length > 0) await clearFailures(db, plan.staleFailures);
      tracker = new WatermarkTracker(
        listed.filter((entry): entry is ProductListEntry & { lastModified: Date } => entry.lastModified !== null),
        previousWatermark,
      );
      for (const sku of plan.settled) tracker.settle(sku);
      total = plan.work.length;

      // Details, with bounded concurrency, stored in batches; the watermark follows each batch.
      progress("details");
      const queue: WorkItem[] = plan.work;
      let next = 0;
      const hadFailure = new Set(failures.keys());
      let storedBuffer: Product[] = [];
      let goneBuffer: string[] = [];
      let failedBuffer: Array<{ sku: string; lastModified: Date | null; error: string; reason: ErrorReason }> = [];
      let flushing: Promise<void> = Promise.resolve();
      const activeTracker = tracker;

      const flush = (): Promise<void> => {
        flushing = flushing.then(async () => {
          const batch = storedBuffer;
          const gone = goneBuffer;
          const failed = failedBuffer;
          storedBuffer = [];
          goneBuffer = [];
          failedBuffer = [];
          if (batch.length === 0 && gone.length === 0 && failed.length === 0) return;
          const now = this.now();
          // One transaction per batch: the products, their failures, the watermark and the run's counts
          // are stored together (and one commit costs less than five).
          const next = {
            ...counts,
            failed: counts.failed + failed.length,
            upstreamCalls: upstream.meter.calls - callsBefore,
          };
          const touched = [...batch.map((product) => product.sku), ...gone];
          // Where the products were listed before this batch: a product that left a category leaves its listing.
          const before = await this.categoryPaths(touched);
          await db.transaction(async (transaction) => {
            const tx = transaction as unknown as Database;
            if (batch.length > 0) next.stored += await upsertProducts(tx, batch, treePaths, now);
            if (gone.length > 0) next.vanished += await markUnavailable(tx, gone, now);
            await clearFailures(
              tx,
              [...batch.map((product) => product.sku), ...gone].filter((sku) => hadFailure.has(sku)),
            );
            await recordFailures(tx, failed, now, settings.backoff);
            const watermark = activeTracker.peek([...batch.map((product) => product.sku), ...gone]);
            await saveSyncState(tx, "catalogue", { watermark, lastRunAt: now });
            await updateRun(tx, runId, next);
          });
          // Committed: the shared cache reads again what the batch changed, where it was and is listed.
          await this.invalidate([
            CacheTags.words,
            ...productChangeTags([...before, ...(await this.categoryPaths(touched))]),
          ]);
          // Committed: only now do the products count as settled.
          for (const product of batch) activeTracker.settle(product.sku);
          for (const sku of gone) activeTracker.settle(sku);
          Object.assign(counts, next);
          done += batch.length + gone.length + failed.length;
          progress("details");
        });
        return flushing;
      };
      const ticker = setInterval(() => void flush().catch(() => undefined), 1_000);

      const worker = async () => {
        for (;;) {
          if (signal.aborted) return;
          try {
            await pressure.acquire(signal);
          } catch {
            return;
          }
          const item = queue[next];
          if (!item) {
            pressure.release();
            return;
          }
          next++;
          try {
            const product = await upstream.client.product(item.sku, signal);
            // Pushed after the await: a flush may have swapped the buffer meanwhile.
            storedBuffer.push(product);
            pressure.success();
          } catch (error) {
            if (signal.aborted) {
              // Interrupted: the product stays open and holds the watermark; the next run fetches it.
            } else if (isUpstreamError(error, "not_found")) {
              goneBuffer.push(item.sku);
            } else if (isUpstreamError(error, "rate_limited") && item.rateLimitRetries < RATE_LIMIT_RETRIES) {
              const seconds = error.retryAfterSeconds ?? 1;
              if (seconds > settings.maxPauseSeconds) {
                stop = {
                  reason: "upstream_busy",
                  message: `the upstream asked to wait ${seconds} s (Retry-After); stopped`,
                };
                internalStop.abort(new StopRun(stop.message));
              } else {
                // The meter already lowered the pressure for this 429; try the product again later in the run.
                queue.push({ ...item, rateLimitRetries: item.rateLimitRetries + 1 });
              }
            } else {
              failedBuffer.push({
                sku: item.sku,
                lastModified: item.lastModified,
                error: errorMessage(error),
                reason: reasonForError(error),
              });
            }
          } finally {
            pressure.release();
          }
          if (signal.aborted) return;
          if (storedBuffer.length + goneBuffer.length + failedBuffer.length >= settings.batchSize) await flush();
        }
      };

      try {
        await Promise.all(Array.from({ length: pressure.max }, () => worker()));
      } finally {
        clearInterval(ticker);
        await flush();
      }

      const aborted = options.signal?.aborted === true;
      if (counts.stored + counts.vanished >= STATISTICS_AFTER) await refreshStatistics(db);
      const outcome: Exclude<RunOutcome, "running"> = aborted
        ? "aborted"
        : stop !== null
          ? "partial"
          : counts.failed > 0
            ? "partial"
            : "success";
      const finishedAt = this.now();
      const reachedEnd = !aborted && stop === null;
      const watermark = tracker.current();
      if (fullList && reachedEnd) {
        details.runsSinceFullList = 0;
        details.lastFullListAt = finishedAt.toISOString();
      } else if (reachedEnd) {
        details.runsSinceFullList = runsSinceFullList + 1;
      }
      await saveSyncState(db, "catalogue", {
        watermark,
        lastRunAt: finishedAt,
        ...(reachedEnd ? { lastSuccessAt: finishedAt } : {}),
        ...(reachedEnd && kind === "full" && !state?.firstCompletedAt ? { firstCompletedAt: finishedAt } : {}),
        details,
      });
      const ending: RunEnding | null =
        stop ??
        (aborted
          ? INTERRUPTED
          : counts.failed > 0
            ? { reason: "products_failed", message: `${counts.failed} products failed; retried later` }
            : null);
      return await this.finish(
        runId,
        { kind, outcome, counts, changed, fullList, watermark, started, ending },
        progress,
      );
    } catch (error) {
      const aborted = options.signal?.aborted === true;
      // The watermark stays as the last committed batch left it.
      await saveSyncState(db, "catalogue", { lastRunAt: this.now() }).catch(() => undefined);
      return await this.finish(
        runId,
        {
          kind,
          outcome: aborted ? "aborted" : "failed",
          counts,
          changed,
          fullList,
          watermark: tracker?.current() ?? previousWatermark,
          started,
          ending: aborted ? INTERRUPTED : endingOfError(error),
        },
        progress,
      );
    } finally {
      stopListening();
      pressure.dispose();
    }
  }

  /** Which listed products to fetch, and which need nothing (they count as settled for the watermark). */
  private plan(
    listed: readonly ProductListEntry[],
    stored: ReadonlyMap<string, { updateCount: number; lastModified: Date | null; available: boolean }>,
    failures: Map<string, SyncFailure>,
    fullList: boolean,
  ): { work: WorkItem[]; settled: string[]; staleFailures: string[] } {
    const now = this.now().getTime();
    const work: WorkItem[] = [];
    const settled: string[] = [];
    const staleFailures: string[] = [];
    const seen = new Set<string>();
    for (const entry of listed) {
      if (seen.has(entry.sku)) continue;
      seen.add(entry.sku);
      const failure = failures.get(entry.sku);
      if (!needsFetch(entry, stored.get(entry.sku))) {
        settled.push(entry.sku);
        if (failure) staleFailures.push(entry.sku);
        continue;
      }
      if (failure && failure.nextAttemptAt.getTime() > now) {
        // Not due yet: it keeps holding the watermark back, unless it failed too often to wait for.
        if (failure.attempts >= this.settings.holdAttempts) settled.push(entry.sku);
        continue;
      }
      work.push({ sku: entry.sku, lastModified: entry.lastModified, rateLimitRetries: 0 });
    }
    // Failures the list did not show again (their watermark hold was given up): retried when due.
    if (!fullList) {
      for (const failure of failures.values()) {
        if (seen.has(failure.sku) || failure.nextAttemptAt.getTime() > now) continue;
        work.push({ sku: failure.sku, lastModified: failure.lastModified, rateLimitRetries: 0 });
      }
    }
    // Oldest first: the watermark moves with every stored batch.
    work.sort((a, b) => (a.lastModified?.getTime() ?? 0) - (b.lastModified?.getTime() ?? 0));
    return { work, settled, staleFailures };
  }

  /** The category paths of stored products (the categories whose listings show them). */
  private async categoryPaths(skus: readonly string[]): Promise<Array<{ sku: string; categoryPaths: string[] }>> {
    if (!skus.length) return [];
    const rows = await this.db
      .select({ sku: products.sku, categoryPaths: products.categoryPaths })
      .from(products)
      .where(inArray(products.sku, [...skus]));
    const found = new Set(rows.map((row) => row.sku));
    return [...rows, ...skus.filter((sku) => !found.has(sku)).map((sku) => ({ sku, categoryPaths: [] }))];
  }

  /** Announces changed tags to the shared catalogue cache of every instance (lib/catalogue/cache.ts). */
  private async invalidate(tags: string[]): Promise<void> {
    try {
      await invalidateCatalogue(this.db, tags);
    } catch (error) {
      this.logger.warn(`catalogue sync: announcing the changes to the page cache failed: ${errorMessage(error)}`);
    }
  }

  private async finish(
    runId: number,
    run: {
      kind: RunKind;
      outcome: Exclude<RunOutcome, "running">;
      counts: RunCounts;
      changed: number;
      fullList: boolean;
      watermark: Date | null;
      started: number;
      /** Why it ended short; null for a run that simply succeeded. */
      ending: RunEnding | null;
    },
    progress: (phase: SyncProgress["phase"]) => void,
  ): Promise<SyncReport> {
    progress("done");
    const durationMs = performance.now() - run.started;
    const finishedAt = this.now();
    await updateRun(this.db, runId, run.counts, {
      outcome: run.outcome,
      finishedAt,
      message: run.ending?.message ?? null,
      reason: run.ending?.reason ?? null,
    }).catch((error: unknown) => this.logger.warn(`catalogue sync: recording the run failed: ${errorMessage(error)}`));
    await pruneRuns(this.db, finishedAt).catch(() => undefined);
    const report: SyncReport = {
      ran: true,
      kind: run.kind,
      outcome: run.outcome,
      changed: run.changed,
      fullList: run.fullList,
      ...run.counts,
      watermark: run.watermark,
      durationMs,
      message: run.ending?.message ?? null,
    };
    const line = formatRunLine(report);
    if (run.outcome === "failed") this.logger.error(line);
    else if (run.outcome === "success") this.logger.info(line);
    else this.logger.warn(line);
    return report;
  }
}

/** "catalogue sync: incremental, 12 changed, 12 stored, 0 failed, 0 vanished, 13 upstream calls, 0.8 s". */
export function formatRunLine(report: SyncReport): string {
  const parts = [
    `catalogue sync: ${report.kind}${report.fullList && report.kind === "incremental" ? " with full list" : ""}`,
    `${report.changed} changed`,
    `${report.stored} stored`,
    `${report.failed} failed`,
    `${report.vanished} vanished`,
    `${report.upstreamCalls} upstream calls`,
    `${(report.durationMs / 1000).toFixed(1)} s`,
  ];
  const outcome =
    report.outcome === "success" ? "" : ` (${report.outcome}${report.message ? `: ${report.message}` : ""})`;
  return `${parts.join(", ")}${outcome}`;
}
