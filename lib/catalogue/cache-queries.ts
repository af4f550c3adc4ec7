import { sql } from "drizzle-orm";

import type { Database, DatabaseHandle } from "@/lib/db/client";

import { ALL_TAGS, CACHE_CHANNEL, CacheTags, CatalogueCache, notificationPayloads, payloadTags } from "./cache";

/**
 * The process's shared catalogue cache (lib/catalogue/cache.ts), the catalogue reads that go
 * through it, and the invalidation the sync calls. Kept on globalThis: Next may load this module
 * more than once in a process, and the sync and the pages must share one cache.
 */

const KEY = Symbol.for("dealer-portal.catalogue-cache");
type Holder = { [KEY]?: { cache: CatalogueCache; listening: WeakSet<DatabaseHandle> } };

function holder(): NonNullable<Holder[typeof KEY]> {
  const global = globalThis as Holder;
  global[KEY] ??= { cache: new CatalogueCache(), listening: new WeakSet() };
  return global[KEY];
}

/** The process's catalogue cache. */
export function catalogueCache(): CatalogueCache {
  return holder().cache;
}

/**
 * Starts listening to the invalidations of other instances on a Postgres server (once per
 * database handle); with PGlite nothing to do. While a listener cannot start, reads bypass the
 * cache (`false`): an instance that would miss invalidations keeps nothing.
 */
const listeners = new WeakMap<DatabaseHandle, Promise<boolean>>();
export function listenForInvalidations(
  handle: DatabaseHandle,
  cache: CatalogueCache = catalogueCache(),
): Promise<boolean> {
  if (!handle.listen) return Promise.resolve(true);
  let started = listeners.get(handle);
  if (!started) {
    started = handle
      .listen(
        CACHE_CHANNEL,
        (payload) => cache.invalidate(payloadTags(payload)),
        () => cache.clear(),
      )
      .then(
        () => {
          // Whatever changed before the listener started is not known: start afresh.
          cache.clear();
          return true;
        },
        () => {
          listeners.delete(handle);
          return false;
        },
      );
    listeners.set(handle, started);
  }
  return started;
}

/**
 * Bumps `tags` in this process's cache and announces them to every instance on the same Postgres
 * server (`NOTIFY catalogue_cache`; PGlite has no other instance, the notification goes nowhere).
 * Called by the sync after its writes committed. An announcement that fails is logged by the caller;
 * the entries expire in any case.
 */
export async function invalidateCatalogue(db: Database, tags: Iterable<string>): Promise<void> {
  const list = [...new Set(tags)];
  if (!list.length) return;
  catalogueCache().invalidate(list);
  for (const payload of notificationPayloads(list)) {
    await db.execute(sql`select pg_notify(${CACHE_CHANNEL}, ${payload})`);
  }
}

/** Clears every instance's cache (a change whose reach is not known). */
export function invalidateEverything(db: Database): Promise<void> {
  return invalidateCatalogue(db, [ALL_TAGS]);
}

/** The tags a stored product's change touches: its SKU, every category it is or was listed in, search. */
export function productChangeTags(changes: Iterable<{ sku: string; categoryPaths: readonly string[] }>): string[] {
  const tags = new Set<string>([CacheTags.search]);
  for (const change of changes) {
    tags.add(CacheTags.product(change.sku));
    for (const code of change.categoryPaths) tags.add(CacheTags.category(code));
  }
  return [...tags];
}

/** `read` through the process's cache under `key` and `tags`; `handle` decides whether the cache may be used. */
export async function cachedRead<T>(
  handle: DatabaseHandle,
  key: string,
  tags: readonly string[],
  read: () => Promise<T>,
  cache: CatalogueCache = catalogueCache(),
): Promise<T> {
  if (!(await listenForInvalidations(handle, cache))) return read();
  return cache.get(key, tags, read);
}
