/**
 * Test harness of the sync: a real simulator on a free port and a real in-memory PGlite.
 * Only tests import this module.
 */
import { sql } from "drizzle-orm";

import { openMemoryDatabase, type DatabaseHandle } from "@/lib/db/client";
import { startSimulator, type RunningSimulator } from "@/simulator/server";

import { CatalogueSync, type CatalogueSyncOptions } from "./catalogue-sync";
import { silentLogger, type SyncLogger } from "./logger";
import { StockSync } from "./stock-sync";
import { createSyncUpstream, type MeteredUpstream, type SyncUpstreamOptions } from "./upstream";

export interface SimStats {
  total: number;
  routes: Record<string, number>;
  statuses: Record<string, number>;
}

export interface SyncFixture {
  simulator: RunningSimulator;
  database: DatabaseHandle;
  /** A new metered client of the simulator (service token). */
  upstream(options?: Partial<SyncUpstreamOptions>): MeteredUpstream;
  catalogueSync(options?: Partial<CatalogueSyncOptions>): CatalogueSync;
  stockSync(options?: { upstream?: MeteredUpstream; now?: () => Date }): StockSync;
  /** A /__sim/ control call. */
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  stats(): Promise<SimStats>;
  resetStats(): Promise<void>;
  /** Detail calls the simulator answered since the last stats reset. */
  detailCalls(stats: SimStats): number;
  close(): Promise<void>;
}

/** Opening a PGlite takes seconds: a test file opens one and empties it between tests. */
export async function emptyCatalogue(database: DatabaseHandle): Promise<void> {
  await database.db.execute(
    sql`truncate table products, categories, sync_state, sync_runs, sync_failures restart identity`,
  );
}

/**
 * A simulator with a small catalogue and a frozen clock, and a database: the given one (emptied
 * on close) or a new in-memory one (closed on close).
 */
export async function syncFixture(
  options: { products?: number; seed?: string; logger?: SyncLogger; database?: DatabaseHandle } = {},
): Promise<SyncFixture> {
  const [simulator, database] = await Promise.all([
    startSimulator({ port: 0, products: options.products ?? 300, seed: options.seed ?? "sync-test", timeScale: 0 }),
    options.database ?? openMemoryDatabase(),
  ]);
  const shared = options.database !== undefined;
  const logger = options.logger ?? silentLogger;
  const upstream = (overrides: Partial<SyncUpstreamOptions> = {}) =>
    createSyncUpstream({
      baseUrl: simulator.url,
      token: simulator.sim.options.serviceToken,
      timeoutMs: 2_000,
      readAttempts: 2,
      ...overrides,
    });
  const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${simulator.url}/__sim/${path}`, {
      method,
      headers: { "x-sim-key": simulator.sim.options.controlKey, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`simulator control ${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    simulator,
    database,
    upstream,
    catalogueSync: (overrides = {}) =>
      new CatalogueSync({ db: database.db, upstream: upstream(), logger, concurrency: 8, ...overrides }),
    stockSync: (overrides = {}) =>
      new StockSync({ db: database.db, upstream: overrides.upstream ?? upstream(), logger, now: overrides.now }),
    control,
    stats: () => control<SimStats>("GET", "stats"),
    resetStats: async () => {
      await control("POST", "stats/reset");
    },
    detailCalls: (stats) => stats.routes["GET /products/{product}"] ?? 0,
    close: async () => {
      await Promise.all([simulator.close(), shared ? emptyCatalogue(database) : database.close()]);
    },
  };
}
