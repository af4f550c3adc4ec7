import "server-only";

import { getDb } from "@/lib/db";

import { catalogueSyncStatus, isCatalogueReady } from "./sync/status";

/**
 * Whether the first catalogue sync has finished: until then lists may be incomplete. Null when it
 * has; otherwise how far it got (`listed` 0 when the upstream's list has not been read yet).
 */
export async function catalogueReadiness(): Promise<{ stored: number; listed: number } | null> {
  const db = await getDb();
  // Cheap check first: the full status counts every product, too slow for every catalogue page.
  if (await isCatalogueReady(db)) return null;
  const status = await catalogueSyncStatus(db);
  return { stored: status.products.available, listed: status.lastRun?.counts.listed ?? 0 };
}

/** For the health check: whether the first sync finished; throws when the database cannot answer. */
export async function catalogueIsReady(): Promise<boolean> {
  return isCatalogueReady(await getDb());
}
