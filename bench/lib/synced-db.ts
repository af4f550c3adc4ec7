import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { CatalogueSync } from "@/lib/catalogue/sync/catalogue-sync";
import { silentLogger } from "@/lib/catalogue/sync/logger";
import { createSyncUpstream } from "@/lib/catalogue/sync/upstream";
import { openDatabase, resultRows, type Database } from "@/lib/db/client";
import { sql } from "drizzle-orm";

import type { SimProcess } from "./sim-process";

/** What a finished full sync into a benchmark database recorded, to decide whether it can be reused. */
export interface SyncedMeta {
  products: number;
  seed: string;
  /** The newest migration when the data was synced: one older than SYNCED_DATA_MIGRATION means a fresh sync. */
  migration: string;
  syncedAt: string;
  seconds: number;
  stored: number;
  failed: number;
  upstreamCalls: number;
  outcome: string;
}

export interface SyncedDatabase {
  /** The portal's DATA_DIR: the database is in `<dataDir>/pglite`. */
  dataDir: string;
  /** True when an earlier full sync at the same seed, size and schema was reused (no sync in this run). */
  reused: boolean;
  meta: SyncedMeta;
}

const META = "bench-meta.json";

/**
 * The newest migration that changes what a sync stores. A database synced at it or later is reused:
 * later migrations only add indexes or fill tables from the stored rows, and run when it is opened.
 */
const SYNCED_DATA_MIGRATION = "0001_ordering";

function latestMigration(): string {
  const journal = JSON.parse(readFileSync(path.join(process.cwd(), "drizzle", "meta", "_journal.json"), "utf8")) as {
    entries: Array<{ tag: string }>;
  };
  return journal.entries.at(-1)?.tag ?? "none";
}

/** The benchmark database's folder for a catalogue size and seed (under bench/tmp, gitignored). */
export function syncedDataDir(products: number, seed: string): string {
  return path.join(process.cwd(), "bench", "tmp", `catalogue-db-${products}-${seed}`);
}

function readMeta(dataDir: string): SyncedMeta | null {
  try {
    return JSON.parse(readFileSync(path.join(dataDir, META), "utf8")) as SyncedMeta;
  } catch {
    return null;
  }
}

/**
 * A PGlite database holding a complete full sync of the simulator's catalogue. Reuses the one in
 * bench/tmp when it was synced completely at the same seed, size and schema (unless `fresh`);
 * otherwise deletes it and runs a full sync from `sim`. The database is closed on return: open it
 * with `openDatabase({ dataDir })`, or hand `dataDir` to the portal as DATA_DIR.
 */
export async function syncedDatabase(
  sim: SimProcess,
  options: { products: number; seed: string; fresh?: boolean; concurrency?: number },
): Promise<SyncedDatabase> {
  const dataDir = syncedDataDir(options.products, options.seed);
  const migration = latestMigration();
  const previous = readMeta(dataDir);
  if (
    !options.fresh &&
    previous &&
    previous.products === options.products &&
    previous.seed === options.seed &&
    previous.migration >= SYNCED_DATA_MIGRATION &&
    previous.outcome === "success" &&
    previous.failed === 0 &&
    existsSync(path.join(dataDir, "pglite"))
  ) {
    console.log(
      `  reusing the database synced ${previous.syncedAt} (${previous.stored.toLocaleString("en-GB")} products, seed ${previous.seed}): ${dataDir}`,
    );
    return { dataDir, reused: true, meta: previous };
  }

  rmSync(dataDir, { recursive: true, force: true });
  const handle = await openDatabase({ dataDir });
  try {
    const upstream = createSyncUpstream({
      baseUrl: sim.url,
      token: sim.serviceToken,
      timeoutMs: 30_000,
      readAttempts: 3,
    });
    const sync = new CatalogueSync({
      db: handle.db,
      upstream,
      concurrency: options.concurrency ?? 8,
      logger: silentLogger,
    });
    let last = 0;
    console.log(`  full sync of ${options.products.toLocaleString("en-GB")} products into ${dataDir}`);
    const report = await sync.run({
      onProgress: (progress) => {
        const now = Date.now();
        if (progress.phase !== "details" || (now - last < 10_000 && progress.done !== progress.total)) return;
        last = now;
        console.log(`  full sync: ${progress.done.toLocaleString("en-GB")}/${progress.total.toLocaleString("en-GB")}`);
      },
    });
    const meta: SyncedMeta = {
      products: options.products,
      seed: options.seed,
      migration,
      syncedAt: new Date().toISOString(),
      seconds: Math.round(report.durationMs) / 1000,
      stored: report.stored,
      failed: report.failed,
      upstreamCalls: report.upstreamCalls,
      outcome: report.outcome,
    };
    if (report.outcome !== "success" || report.failed > 0) {
      throw new Error(`the full sync did not complete: ${report.outcome}, ${report.failed} failed, ${report.message}`);
    }
    writeFileSync(path.join(dataDir, META), `${JSON.stringify(meta, null, 2)}\n`);
    console.log(`  full sync: ${meta.seconds} s, ${meta.stored.toLocaleString("en-GB")} stored`);
    return { dataDir, reused: false, meta };
  } finally {
    await handle.close();
  }
}

/**
 * The database's buffer cache (`shared_buffers`), as the portal opens it: the benches print it beside
 * their figures, since a larger cache makes searches faster and the process larger (a data folder's
 * postgresql.conf once carried 384MB for hours unnoticed).
 */
export async function bufferCache(db: Database): Promise<string> {
  const rows = resultRows<{ shared_buffers: string }>(await db.execute(sql`show shared_buffers`));
  return rows[0]?.shared_buffers ?? "unknown";
}
