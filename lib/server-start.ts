import { getEnv } from "@/lib/env";

/** Start-up of the portal's Node process: the configuration is checked before any request is served. */
export async function startServer(): Promise<void> {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  // The database is opened here, once, before any request: opening it takes a second or two, and a
  // page bundle that opened it first would look for PGlite's pg_trgm extension among its own assets.
  const { getDatabaseHandle } = await import("@/lib/db");
  await getDatabaseHandle();
  // The catalogue mirror's sync runs in the background; the server does not wait for it.
  if (env.SYNC_INTERVAL_MINUTES > 0) {
    const { startBackgroundSync } = await import("@/lib/catalogue/sync/scheduler");
    startBackgroundSync();
  }
}
