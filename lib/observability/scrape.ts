import "server-only";

import { timingSafeEqual } from "node:crypto";

import { lastRun, readSyncState } from "@/lib/catalogue/store/sync-records";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";

import { metrics } from "./metrics";
import { isLoopbackPeer, PEER_HEADER } from "./peer";

/**
 * Who may read /metrics: a request with `Authorization: Bearer <METRICS_TOKEN>`, or one made from this
 * machine directly (the connection's address is loopback and no proxy forwarded it).
 * Without the wrapper (next dev) only the token opens it.
 */
export function mayScrape(headers: Headers): boolean {
  const token = getEnv().METRICS_TOKEN;
  const given = headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];
  if (token && given) {
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    if (a.length === b.length && timingSafeEqual(a, b)) return true;
  }
  // Set by the standalone server's wrapper before Next adds its own forwarding headers.
  return isLoopbackPeer(headers.get(PEER_HEADER));
}

/**
 * The metrics in Prometheus' text format, or null when the request may not read them. The sync's lag
 * and last run are read from the database at each scrape (the sync may run on another instance).
 */
export async function scrapeMetrics(headers: Headers): Promise<{ contentType: string; body: string } | null> {
  if (!mayScrape(headers)) return null;
  const m = metrics();
  try {
    const db = await getDb();
    const [state, run] = await Promise.all([readSyncState(db, "catalogue"), lastRun(db)]);
    if (state?.lastSuccessAt) m.syncLagSeconds.set((Date.now() - state.lastSuccessAt.getTime()) / 1000);
    if (run?.finishedAt) {
      m.syncLastRun.reset();
      m.syncLastRun.labels(run.kind, run.outcome).set(run.finishedAt.getTime() / 1000);
    }
  } catch {
    // the database is down: the request and upstream figures still count
  }
  return { contentType: m.registry.contentType, body: await m.registry.metrics() };
}
