import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/client";
import { getSyncEnv } from "@/lib/env";

import { CatalogueSync, type CatalogueSyncOptions, type RunOptions, type SyncReport } from "./catalogue-sync";
import { processLogger, errorMessage, type SyncLogger } from "./logger";
import { isCatalogueReady } from "./status";
import { StockSync } from "./stock-sync";
import { serviceSyncUpstream, type MeteredUpstream } from "./upstream";

export interface SchedulerOptions {
  db: Database;
  intervalMinutes: number;
  stockIntervalSeconds: number;
  concurrency: number;
  upstreamTimeZone?: string;
  logger?: SyncLogger;
  /** Called before and after every catalogue run (progress bars). */
  runOptions?: () => RunOptions;
  onCatalogueRun?: (report: SyncReport) => void;
  /** Extra settings of the catalogue sync (tests). */
  catalogue?: Partial<CatalogueSyncOptions>;
  /** The upstream client of each kind of sync; default the service credential from the configuration. */
  upstream?: () => MeteredUpstream;
  /** Whether the timers leave the process free to exit (default true: the portal's server keeps it alive). */
  unref?: boolean;
}

export interface RunningScheduler {
  /** Stops the timers and waits for a run in progress (which is told to stop). */
  stop(): Promise<void>;
  /** Resolves after the first catalogue run ended (whatever its outcome); null when stopped before. */
  firstRun: Promise<SyncReport | null>;
}

/**
 * Runs the catalogue sync right away (without waiting for it), then every `intervalMinutes`, and
 * the stock colours every `stockIntervalSeconds` once the first full sync finished. A run never
 * overlaps the previous one of its kind; timers do not keep the process alive; errors are logged.
 */
export function scheduleSync(options: SchedulerOptions): RunningScheduler {
  const logger = options.logger ?? processLogger;
  const controller = new AbortController();
  const connect = options.upstream ?? serviceSyncUpstream;
  const catalogue = new CatalogueSync({
    db: options.db,
    upstream: connect(),
    concurrency: options.concurrency,
    upstreamTimeZone: options.upstreamTimeZone,
    logger,
    ...options.catalogue,
  });
  const stock = new StockSync({ db: options.db, upstream: connect(), logger });
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const running = new Set<Promise<unknown>>();
  let ready = false;
  let stopped = false;

  const later = (ms: number, task: () => Promise<unknown>) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const task$ = task().finally(() => running.delete(task$));
      running.add(task$);
    }, ms);
    if (options.unref !== false) timer.unref();
    timers.add(timer);
  };

  const catalogueRun = async (first: boolean): Promise<SyncReport | null> => {
    try {
      // After the first run, a run another instance started within most of the interval counts as this one's.
      const notWithinMs = first ? undefined : options.intervalMinutes * 60_000 * 0.8;
      const report = await catalogue.run({ ...options.runOptions?.(), notWithinMs, signal: controller.signal });
      options.onCatalogueRun?.(report);
      return report;
    } catch (error) {
      logger.error(`catalogue sync: ${errorMessage(error)}`);
      return null;
    }
  };

  let resolveFirst: (report: SyncReport | null) => void = () => undefined;
  const firstRun = new Promise<SyncReport | null>((resolve) => (resolveFirst = resolve));
  const catalogueLoop = async (first = false) => {
    const report = await catalogueRun(first);
    if (first) resolveFirst(report);
    later(options.intervalMinutes * 60_000, catalogueLoop);
  };

  const stockLoop = async () => {
    try {
      // Before the first full sync there is nothing to colour; products arrive with their colour.
      ready ||= await isCatalogueReady(options.db);
      if (ready) await stock.run();
    } catch (error) {
      logger.error(`stock sync: ${errorMessage(error)}`);
    }
    later(options.stockIntervalSeconds * 1000, stockLoop);
  };

  later(0, () => catalogueLoop(true));
  later(options.stockIntervalSeconds * 1000, stockLoop);

  return {
    firstRun,
    stop: async () => {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      controller.abort();
      await Promise.allSettled([...running]);
      resolveFirst(null);
    },
  };
}

const STARTED = Symbol.for("dealer-portal.background-sync");
type Holder = { [STARTED]?: RunningScheduler };

/**
 * The portal's background sync, started once per process (Next may load this module more than
 * once). Does nothing when SYNC_INTERVAL_MINUTES is 0. Never throws: a failure to start is logged.
 */
export function startBackgroundSync(logger: SyncLogger = processLogger): void {
  const holder = globalThis as Holder;
  if (holder[STARTED]) return;
  try {
    const env = getSyncEnv();
    if (env.SYNC_INTERVAL_MINUTES === 0) {
      logger.info("catalogue sync: background sync off (SYNC_INTERVAL_MINUTES=0)");
      return;
    }
    const pending: { stop?: () => Promise<void> } = {};
    holder[STARTED] = { firstRun: Promise.resolve(null), stop: async () => pending.stop?.() };
    void getDb()
      .then((db) => {
        const scheduler = scheduleSync({
          db,
          intervalMinutes: env.SYNC_INTERVAL_MINUTES,
          stockIntervalSeconds: env.STOCK_INTERVAL_SECONDS,
          concurrency: env.SYNC_CONCURRENCY,
          upstreamTimeZone: env.UPSTREAM_TIME_ZONE,
          logger,
        });
        holder[STARTED] = scheduler;
        pending.stop = scheduler.stop;
      })
      .catch((error: unknown) => {
        delete holder[STARTED];
        logger.error(`catalogue sync: not started, the database did not open: ${errorMessage(error)}`);
      });
  } catch (error) {
    logger.error(`catalogue sync: not started: ${errorMessage(error)}`);
  }
}

/** Stops the background sync of this process, if it runs (tests, shutdown). */
export async function stopBackgroundSync(): Promise<void> {
  const holder = globalThis as Holder;
  const scheduler = holder[STARTED];
  delete holder[STARTED];
  await scheduler?.stop();
}
