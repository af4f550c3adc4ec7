import { formatAbortReasonStacks } from "@/lib/abort-reason-stacks";
import { getEnv } from "@/lib/env";
import { installServerHooks } from "@/lib/observability/lifecycle";
import { errorText, log } from "@/lib/observability/logger";
import { requestFinished } from "@/lib/observability/requests";
import { observeUpstreamCalls } from "@/lib/observability/upstream";

/** Start-up of the portal's Node process: the configuration is checked before any request is served. */
export async function startServer(): Promise<void> {
  // Before any render: a finished render's abort reason must not keep other requests' renders alive.
  formatAbortReasonStacks();
  // Before any request: the sign-in limits need each request's connection address (lib/security/client-address).
  const { stampClientAddresses } = await import("@/lib/security/client-address");
  await stampClientAddresses();
  let env;
  try {
    env = getEnv();
  } catch (error) {
    log().fatal({ err: errorText(error) }, "invalid configuration");
    console.error((error as Error).message);
    process.exit(1);
  }
  // The database is opened here, once, before any request: opening it takes a second or two, and a
  // page bundle that opened it first would look for PGlite's pg_trgm extension among its own assets.
  const { getDatabaseHandle, closeDatabase } = await import("@/lib/db");
  try {
    await getDatabaseHandle();
  } catch (error) {
    // e.g. another process holds the PGlite folder: say so and stop rather than serve without a database.
    log().fatal({ err: errorText(error) }, "database did not open");
    console.error(errorText(error));
    process.exit(1);
  }
  const { stopBackgroundSync, startBackgroundSync } = await import("@/lib/catalogue/sync/scheduler");
  // Product and category pages from a shared copy with each user's parts: the proxy calls it (lib/http/document-composer.ts).
  const { registerDocumentComposer } = await import("@/lib/http/document-composer");
  const { composePage } = await import("@/lib/http/personal-documents");
  registerDocumentComposer(composePage);
  // The standalone server's wrapper (scripts/server-wrapper.cjs) calls these: a log line per request, and
  // on SIGTERM, after the requests in flight finished, the end of the sync and of the database.
  observeUpstreamCalls();
  installServerHooks({
    onRequestEnd: requestFinished,
    shutdown: async () => {
      await stopBackgroundSync();
      await closeDatabase();
      log().info("shutdown: sync stopped, database closed");
    },
  });
  // The catalogue mirror's sync runs in the background; the server does not wait for it.
  if (env.SYNC_INTERVAL_MINUTES > 0) startBackgroundSync();
  log().info({ database: env.DATABASE_URL ? "postgres" : "pglite" }, "portal started");
}
