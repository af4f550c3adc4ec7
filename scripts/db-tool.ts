/**
 * Backups of the embedded database (PGlite in DATA_DIR/pglite): it holds carts, checkout attempts, sessions
 * and the audit log, not only the catalogue mirror.
 *   npm run db:backup [-- <file>]   writes a compressed dump of the data folder (default backups/pglite-<time>.tar.gz)
 *   npm run db:restore -- <file>    replaces the data folder with a dump (the old folder is kept beside it)
 * Both need the portal and the sync worker stopped: PGlite is one process per folder, and the lock file
 * refuses the tool while another process holds it. With DATABASE_URL, use pg_dump and pg_restore instead.
 * From the standalone folder: `node db-tool.mjs backup|restore`.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

import { lockDataFolder } from "@/lib/db/client";
import { getSyncEnv } from "@/lib/env";

import { loadDotEnv } from "./lib/config.mjs";

const USAGE = "usage: npm run db:backup [-- <file>] | npm run db:restore -- <file>";

async function backup(folder: string, file: string): Promise<void> {
  if (!existsSync(folder)) throw new Error(`no embedded database in ${folder}`);
  const unlock = lockDataFolder(folder);
  try {
    const db = await PGlite.create(folder, { extensions: { pg_trgm } });
    const dump = await db.dumpDataDir("gzip");
    await db.close();
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    unlock();
  }
  console.log(`backup of ${folder} written to ${file}`);
}

async function restore(folder: string, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  const unlock = lockDataFolder(folder);
  try {
    let kept: string | undefined;
    if (existsSync(folder)) {
      kept = `${folder}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      renameSync(folder, kept);
    }
    mkdirSync(folder, { recursive: true });
    const db = await PGlite.create(folder, {
      extensions: { pg_trgm },
      loadDataDir: new Blob([readFileSync(file)]),
    });
    await db.query("select 1");
    await db.close();
    console.log(`${folder} restored from ${file}${kept ? ` (the previous folder is kept in ${kept})` : ""}`);
  } finally {
    unlock();
  }
}

async function main(): Promise<number> {
  const [command, file] = process.argv.slice(2);
  loadDotEnv(process.cwd());
  const env = getSyncEnv();
  if (env.DATABASE_URL) {
    console.error("DATABASE_URL is set: back up the Postgres server with pg_dump, not this tool.");
    return 2;
  }
  const folder = path.resolve(env.DATA_DIR, "pglite");
  if (command === "backup") {
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    await backup(folder, path.resolve(file ?? `backups/pglite-${stamp}.tar.gz`));
    return 0;
  }
  if (command === "restore" && file) {
    await restore(folder, path.resolve(file));
    return 0;
  }
  console.error(USAGE);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
