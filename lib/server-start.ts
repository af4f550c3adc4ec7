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
  // The catalogue mirror's sync runs in the background; the server does not wait for it.
  if (env.SYNC_INTERVAL_MINUTES > 0) {
    const { startBackgroundSync } = await import("@/lib/catalogue/sync/scheduler");
    startBackgroundSync();
  }
}
