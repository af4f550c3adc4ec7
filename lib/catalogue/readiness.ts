import "server-only";

import { getDb } from "@/lib/db";

import { firstSyncProgress, isCatalogueReady } from "./sync/status";

/**
 * Whether this process has seen the first catalogue sync finished. That never reverts (the sync
 * writes `first_completed_at` once and never clears it), so from then on the catalogue pages' banner
 * costs no query. The health checks ask the database each time (`catalogueIsReady`).
 */
let firstSyncSeen = false;

/**
 * Whether the first catalogue sync has finished: until then lists may be incomplete. Null when it
 * has; otherwise how far it got (`listed` 0 when the upstream's list has not been read yet).
 */
export async function catalogueReadiness(): Promise<{ stored: number; listed: number } | null> {
  if (firstSyncSeen) return null;
  const db = await getDb();
  // Cheap check first: the progress counts every product stored, too slow for every catalogue page.
  if (await isCatalogueReady(db)) {
    firstSyncSeen = true;
    return null;
  }
  return firstSyncProgress(db);
}

/** For the health check: whether the first sync finished; throws when the database cannot answer. */
export async function catalogueIsReady(): Promise<boolean> {
  return isCatalogueReady(await getDb());
}
