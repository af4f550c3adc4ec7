import "server-only";

import { isCatalogueReady } from "@/lib/catalogue/sync/status";
import { getDatabaseHandle } from "@/lib/db";
import { pendingMigrations, ping } from "@/lib/db/client";

import { isShuttingDown } from "./lifecycle";

export interface Readiness {
  ready: boolean;
  checks: {
    /** Not shutting down (SIGTERM received: the balancer should stop sending). */
    running: boolean;
    database: boolean;
    migrations: boolean;
    /** The first catalogue sync finished (by any instance sharing the database). */
    catalogue: boolean;
  };
}

/**
 * Whether this instance should receive traffic: it is not shutting down, its database answers with
 * every migration of this build applied, and the catalogue mirror's first sync has finished.
 * Never throws: a check that fails is false.
 */
export async function readiness(): Promise<Readiness> {
  const checks = { running: !isShuttingDown(), database: false, migrations: false, catalogue: false };
  if (checks.running) {
    try {
      const { db } = await getDatabaseHandle();
      await ping(db);
      checks.database = true;
      checks.migrations = (await pendingMigrations(db)) === 0;
      checks.catalogue = await isCatalogueReady(db);
    } catch {
      // the failing check stays false
    }
  }
  return { ready: Object.values(checks).every(Boolean), checks };
}
