import { sql } from "drizzle-orm";
import { Pool, type PoolClient } from "pg";

import { resultRows, type Database } from "@/lib/db/client";

/** Advisory lock keys (the migrations use 727_001). */
export const LOCK_KEYS = { catalogue: 727_101, stock: 727_102 } as const;

export interface HeldLock {
  release(): Promise<void>;
}

/** Locks held by this process, per database client: PGlite has one session, where advisory locks are re-entrant. */
const HELD = Symbol.for("dealer-portal.sync-locks");
type Holder = { [HELD]?: WeakMap<object, Set<number>> };

function heldInProcess(client: object): Set<number> {
  const holder = globalThis as Holder;
  holder[HELD] ??= new WeakMap();
  let keys = holder[HELD].get(client);
  if (!keys) {
    keys = new Set();
    holder[HELD].set(client, keys);
  }
  return keys;
}

/**
 * Takes the sync's lock, or answers null when another run (in this process or another instance
 * on the same Postgres server) holds it. With node-postgres the lock lives on a connection of
 * its own, kept out of the pool until release: a pooled query could land on any connection.
 */
export async function tryAcquireLock(db: Database, key: number): Promise<HeldLock | null> {
  const client = (db as unknown as { $client?: object }).$client ?? db;
  const local = heldInProcess(client);
  if (local.has(key)) return null;
  local.add(key);
  try {
    const lock = client instanceof Pool ? await lockOnDedicatedConnection(client, key) : await lockOnSession(db, key);
    if (!lock) local.delete(key);
    return lock
      ? {
          release: async () => {
            try {
              await lock.release();
            } finally {
              local.delete(key);
            }
          },
        }
      : null;
  } catch (error) {
    local.delete(key);
    throw error;
  }
}

async function lockOnDedicatedConnection(pool: Pool, key: number): Promise<HeldLock | null> {
  const connection: PoolClient = await pool.connect();
  let broken = false;
  // A checked-out client that loses its server emits "error"; unheard, it would end the process.
  const onError = () => {
    broken = true;
  };
  connection.on("error", onError);
  const done = (destroy: boolean) => {
    connection.off("error", onError);
    connection.release(destroy || broken);
  };
  try {
    const result = await connection.query<{ locked: boolean }>("select pg_try_advisory_lock($1) as locked", [key]);
    if (!result.rows[0]?.locked) {
      done(false);
      return null;
    }
  } catch (error) {
    done(true);
    throw error;
  }
  return {
    release: async () => {
      try {
        if (!broken) await connection.query("select pg_advisory_unlock($1)", [key]);
        done(false);
      } catch {
        // The session is unusable; closing it ends the lock.
        done(true);
      }
    },
  };
}

async function lockOnSession(db: Database, key: number): Promise<HeldLock | null> {
  const [row] = resultRows<{ locked: boolean }>(await db.execute(sql`select pg_try_advisory_lock(${key}) as locked`));
  if (!row?.locked) return null;
  return {
    release: async () => {
      await db.execute(sql`select pg_advisory_unlock(${key})`);
    },
  };
}

/** Runs `task` under the lock; answers `{ acquired: false }` without running it when the lock is taken. */
export async function withLock<T>(
  db: Database,
  key: number,
  task: () => Promise<T>,
): Promise<{ acquired: true; result: T } | { acquired: false }> {
  const lock = await tryAcquireLock(db, key);
  if (!lock) return { acquired: false };
  try {
    return { acquired: true, result: await task() };
  } finally {
    await lock.release();
  }
}
