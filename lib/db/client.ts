import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { Client, Pool } from "pg";

import { errorText, log } from "@/lib/observability/logger";

import { NamedStatements } from "./pglite-statements.mjs";
import { PGliteThread } from "./pglite-thread";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
  /**
   * Postgres only: listens to `channel` on a connection of its own (LISTEN/NOTIFY), so that what
   * another instance or the sync worker announces reaches this one. A lost connection is opened
   * again; `onReconnect` then says notifications may have been missed. Answers the stop.
   */
  listen?(channel: string, onMessage: (payload: string) => void, onReconnect: () => void): Promise<() => Promise<void>>;
}

export interface DatabaseOptions {
  /** A Postgres server; without it, embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** Run the migrations before handing the database out (default true). */
  migrate?: boolean;
  /**
   * Embedded PGlite only: run it in a thread of its own (lib/db/pglite-thread.ts), so that its work does
   * not hold up the thread that renders pages. The server's database does; scripts and tests open it in
   * their own thread.
   */
  thread?: boolean;
}

const MIGRATIONS = path.join(process.cwd(), "drizzle");
/**
 * Settings of every session. The catalogue is read from memory (PGlite) or a server's cache, so a
 * random page read costs little more than a sequential one: at the default of 4 the planner scans
 * the whole products table where an index finds a word's matches in a fifth of the time.
 *
 * Embedded PGlite keeps its statements prepared (lib/db/pglite-statements.mjs); each run is still planned
 * for its own values, as an unnamed statement is: a plan made once for any search word would scan the
 * products in stored order for a common word's thousands of matches.
 *
 * A sequential scan starts at the table's first page, not where the last one stopped (Postgres does that
 * for tables over a quarter of its buffer cache): a search that ranks the first 500 of a common word's
 * matches would otherwise rank other products each time, and its pages would not fit together.
 */
const SESSION_SETTINGS =
  "set random_page_cost = 1.1; set plan_cache_mode = force_custom_plan; set synchronize_seqscans = off";
/** Advisory lock key of the migrations, so that instances sharing a server migrate one at a time. */
const MIGRATION_LOCK = 727_001;

/** Opens the portal's database and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection the server drops (a restart, a failover, an administrator) emits "error"
    // on the pool; unheard, it would end the process. The pool discards it and opens a new one.
    pool.on("error", (error) => {
      log().warn({ error: errorText(error) }, "database: an idle connection was lost; the pool opens a new one");
    });
    pool.on("connect", (client) => {
      client.query(SESSION_SETTINGS).catch(() => undefined);
    });
    const db = drizzleNodePg(pool, { schema }) as unknown as Database;
    if (options.migrate !== false) {
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
        await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder: MIGRATIONS });
      } finally {
        await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
        client.release();
      }
    }
    const listeners = new Set<() => Promise<void>>();
    return {
      db,
      kind: "postgres",
      close: async () => {
        await Promise.all([...listeners].map((stop) => stop()));
        await pool.end();
      },
      listen: async (channel, onMessage, onReconnect) => {
        const stop = await listenOn(options.databaseUrl!, channel, onMessage, onReconnect);
        const remove = async () => {
          listeners.delete(remove);
          await stop();
        };
        listeners.add(remove);
        return remove;
      },
    };
  }
  const folder = path.resolve(options.dataDir, "pglite");
  mkdirSync(folder, { recursive: true });
  const unlock = lockDataFolder(folder);
  let client: NamedStatements | PGliteThread;
  try {
    client = options.thread
      ? await PGliteThread.open(folder)
      : new NamedStatements(await PGlite.create(folder, { extensions: { pg_trgm } }));
  } catch (error) {
    unlock();
    throw error;
  }
  // Both answer the part of PGlite's client that drizzle's driver calls (query, exec, transaction).
  const driverClient = client as unknown as PGlite;
  const db = drizzlePglite(driverClient, { schema }) as unknown as Database;
  try {
    if (options.migrate !== false)
      await migratePglite(drizzlePglite(driverClient, { schema }), { migrationsFolder: MIGRATIONS });
    await client.exec(SESSION_SETTINGS);
  } catch (error) {
    await client.close().catch(() => undefined);
    unlock();
    throw error;
  }
  return {
    db,
    kind: "pglite",
    close: async () => {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}

/**
 * LISTEN on a dedicated node-postgres client (a pooled one would lose the LISTEN when released),
 * opened again after a lost connection (then `onReconnect`). Resolves once listening.
 */
async function listenOn(
  connectionString: string,
  channel: string,
  onMessage: (payload: string) => void,
  onReconnect: () => void,
): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  let stopped = false;
  let current: Client | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  const connect = async (): Promise<void> => {
    const client = new Client({ connectionString });
    client.on("notification", (message) => {
      if (message.channel === channel) onMessage(message.payload ?? "");
    });
    const lost = () => {
      if (current !== client || stopped) return;
      current = null;
      client.end().catch(() => undefined);
      const again = () => {
        retry = null;
        if (stopped) return;
        connect().then(onReconnect, () => {
          retry = setTimeout(again, 1_000);
          retry.unref?.();
        });
      };
      retry = setTimeout(again, 250);
      retry.unref?.();
    };
    client.on("error", lost);
    client.on("end", lost);
    await client.connect();
    current = client;
    try {
      await client.query(`listen ${channel}`);
    } catch (error) {
      current = null;
      await client.end().catch(() => undefined);
      throw error;
    }
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const client = current;
    current = null;
    await client?.end().catch(() => undefined);
  };
}

/** Thrown when another live process holds a PGlite folder. */
export class DataFolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${folder} is in use by process ${pid}: one process per PGlite folder. ` +
        "Stop that process, or give this one another DATA_DIR (several instances share a Postgres server: DATABASE_URL).",
    );
    this.name = "DataFolderLockedError";
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the PGlite folder's lock file (`<folder>.lock`, holding the pid), so that a second process
 * opening the same folder is refused instead of corrupting it. A lock whose process is gone (killed,
 * crashed) is stale and taken over. Returns the release.
 */
export function lockDataFolder(folder: string): () => void {
  const file = `${folder}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(file, "utf8").trim() === String(process.pid)) rmSync(file, { force: true });
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(readFileSync(file, "utf8").trim(), 10);
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && processIsAlive(holder))
        throw new DataFolderLockedError(folder, holder);
      // Stale (its process is gone) or our own from before a restart in this process: take it over.
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not take the lock file ${file}`);
}

/** Migrations of this build that the database has not applied (0 when its schema is current). */
export async function pendingMigrations(db: Database): Promise<number> {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS, "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  const rows = resultRows<{ applied: number | string }>(
    await db.execute(sql`select count(*) as applied from drizzle.__drizzle_migrations`),
  );
  return Math.max(0, journal.entries.length - Number(rows[0]?.applied ?? 0));
}

/**
 * Names a dump of a migrated memory database (`dumpMemoryTemplate`) that `openMemoryDatabase` starts
 * from instead of running initdb. The test run writes one (tests/global-setup.ts).
 */
export const MEMORY_TEMPLATE_VARIABLE = "PORTAL_PGLITE_TEMPLATE";

/** A memory PGlite with the schema: a new one (initdb), or one loaded from `template`, then migrated. */
async function migratedMemoryPglite(template?: string): Promise<PGlite> {
  const pglite = await PGlite.create({
    extensions: { pg_trgm },
    ...(template ? { loadDataDir: new Blob([readFileSync(template)]) } : {}),
  });
  try {
    await migratePglite(drizzlePglite(pglite, { schema }), { migrationsFolder: MIGRATIONS });
  } catch (error) {
    await pglite.close();
    throw error;
  }
  return pglite;
}

/** Writes a migrated, empty memory database to `file` as PGlite's data folder dump (an uncompressed tar). */
export async function dumpMemoryTemplate(file: string): Promise<void> {
  const pglite = await migratedMemoryPglite();
  try {
    writeFileSync(file, Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer()));
  } finally {
    await pglite.close();
  }
}

/**
 * An in-memory PGlite with the schema, for tests. A new one runs initdb, 2.5–3.5 s of CPU on these
 * machines; from the test run's template (`MEMORY_TEMPLATE_VARIABLE`) it starts in about 1 s. The
 * migrations run either way, so a template older than the schema is brought up to date.
 */
export async function openMemoryDatabase(): Promise<DatabaseHandle> {
  const client = new NamedStatements(await migratedMemoryPglite(process.env[MEMORY_TEMPLATE_VARIABLE]));
  const db = drizzlePglite(client as unknown as PGlite, { schema });
  await client.exec(SESSION_SETTINGS);
  return { db: db as unknown as Database, kind: "pglite", close: () => client.close() };
}

/** The rows of a `db.execute` result: node-postgres' drizzle answers `{ rows }`, PGlite's too, some drivers an array. */
export function resultRows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}

export async function ping(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}
