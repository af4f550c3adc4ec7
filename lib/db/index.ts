import { getEnv } from "@/lib/env";

import { openDatabase, type Database, type DatabaseHandle } from "./client";

export type { Database } from "./client";
export * as tables from "./schema";

/**
 * The process's one database. Kept on globalThis: Next may load this module
 * more than once in a process, and two PGlite instances on one folder would
 * corrupt it. Only a database that opened is kept, so a failure does not stick.
 */
const KEY = Symbol.for("dealer-portal.database");
type Holder = { [KEY]?: Promise<DatabaseHandle> };

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const env = getEnv();
    const opening = openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, thread: true });
    holder[KEY] = opening;
    opening.catch(() => {
      if (holder[KEY] === opening) delete holder[KEY];
    });
  }
  return holder[KEY];
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/** Closes the process's database (the pool, or PGlite and its lock) at shutdown; a later use opens it again. */
export async function closeDatabase(): Promise<void> {
  const holder = globalThis as Holder;
  const opening = holder[KEY];
  delete holder[KEY];
  if (!opening) return;
  const handle = await opening.catch(() => undefined);
  await handle?.close();
}
