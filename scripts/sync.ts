/**
 * The catalogue sync as a worker of its own: `npm run sync` runs it forever (the incremental
 * sync every SYNC_INTERVAL_MINUTES, stock colours every STOCK_INTERVAL_SECONDS), `npm run sync
 * -- --once` makes one pass and exits. Options: --full (a full run even after the first),
 * --vanished (read the complete SKU list in this run).
 *
 * Runs under Node's "react-server" condition (see package.json), as the portal's server code does.
 * `npm run build` bundles it into the standalone folder as sync.mjs (`node sync.mjs`, no TypeScript needed).
 */
import { CatalogueSync, type SyncReport } from "@/lib/catalogue/sync/catalogue-sync";
import { consoleLogger } from "@/lib/catalogue/sync/logger";
import { scheduleSync } from "@/lib/catalogue/sync/scheduler";
import { isCatalogueReady } from "@/lib/catalogue/sync/status";
import { StockSync } from "@/lib/catalogue/sync/stock-sync";
import { serviceSyncUpstream } from "@/lib/catalogue/sync/upstream";
import { openDatabase } from "@/lib/db/client";
import { getSyncEnv } from "@/lib/env";
import { observeUpstreamCalls } from "@/lib/observability/upstream";

import { loadDotEnv } from "./lib/config.mjs";
import { progressReporter } from "./lib/sync-progress";

const USAGE = "usage: npm run sync [-- --once] [--full] [--vanished]";

async function main(): Promise<number> {
  const args = new Set(process.argv.slice(2));
  for (const arg of args) {
    if (!["--once", "--full", "--vanished", "--help"].includes(arg)) {
      console.error(`unknown option ${arg}\n${USAGE}`);
      return 2;
    }
  }
  if (args.has("--help")) {
    console.log(USAGE);
    return 0;
  }
  // .env as Next reads it (the worker's own environment wins), from the folder it is started in.
  loadDotEnv(process.cwd(), { dev: process.env.NODE_ENV === "development" });
  const env = getSyncEnv();
  // One JSON line per upstream call, as in the portal.
  observeUpstreamCalls();
  const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const where = handle.kind === "pglite" ? `PGlite in ${env.DATA_DIR}` : "Postgres";
  console.log(`catalogue sync: ${env.UPSTREAM_URL} → ${where}, concurrency ${env.SYNC_CONCURRENCY}`);
  const progress = progressReporter();
  let first = true;
  // --full and --vanished apply to the first pass; later ones follow the schedule.
  const runOptions = () => {
    const options = {
      full: first && args.has("--full"),
      checkVanished: first && args.has("--vanished"),
      onProgress: (p: Parameters<typeof progress.update>[0]) => {
        progress.update(p);
        if (p.phase === "done") progress.end();
      },
    };
    first = false;
    return options;
  };

  if (args.has("--once")) {
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    try {
      const sync = new CatalogueSync({
        db: handle.db,
        upstream: serviceSyncUpstream(),
        concurrency: env.SYNC_CONCURRENCY,
        upstreamTimeZone: env.UPSTREAM_TIME_ZONE,
        logger: consoleLogger,
      });
      const report: SyncReport = await sync.run({ ...runOptions(), signal: controller.signal });
      if (report.ran && !controller.signal.aborted && (await isCatalogueReady(handle.db))) {
        await new StockSync({ db: handle.db, upstream: serviceSyncUpstream(), logger: consoleLogger }).run();
      }
      if (report.outcome === "aborted") return 130;
      return report.outcome === "failed" ? 1 : 0;
    } finally {
      await handle.close();
    }
  }

  const scheduler = scheduleSync({
    db: handle.db,
    // 0 turns the portal's background sync off (this worker syncs instead); the worker keeps the default.
    intervalMinutes: env.SYNC_INTERVAL_MINUTES || 5,
    stockIntervalSeconds: env.STOCK_INTERVAL_SECONDS,
    concurrency: env.SYNC_CONCURRENCY,
    upstreamTimeZone: env.UPSTREAM_TIME_ZONE,
    logger: consoleLogger,
    runOptions,
    unref: false,
  });
  return new Promise<number>((resolve) => {
    const stop = () => {
      console.log("catalogue sync: stopping…");
      void scheduler
        .stop()
        .then(() => handle.close())
        .then(() => resolve(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
