/**
 * The embedded database's folder: one process at a time (a lock file with the pid; a lock left by a dead
 * process is taken over), and `npm run db:backup` / `db:restore` bring back what was stored.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";

import { DataFolderLockedError, lockDataFolder, openDatabase, resultRows } from "@/lib/db/client";

const ROOT = path.resolve(__dirname, "../..");
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "portal-pglite-"));
  dirs.push(dir);
  return dir;
}

function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  delete env.DATABASE_URL;
  return env;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("one process per PGlite folder", () => {
  it("a folder held by a live process is refused with a message naming it; a dead holder's lock is taken over", async () => {
    const folder = path.join(tempDir(), "pglite");
    mkdirSync(folder);
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    try {
      writeFileSync(`${folder}.lock`, String(holder.pid));
      expect(() => lockDataFolder(folder)).toThrow(DataFolderLockedError);
      expect(() => lockDataFolder(folder)).toThrow(`in use by process ${holder.pid}`);
    } finally {
      holder.kill("SIGKILL");
      await new Promise((resolve) => holder.once("exit", resolve));
    }
    const release = lockDataFolder(folder);
    expect(readFileSync(`${folder}.lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(`${folder}.lock`)).toBe(false);
  });

  it("a second process opening a folder in use stops with the message and leaves the database intact", async () => {
    const dataDir = tempDir();
    const first = await openDatabase({ dataDir });
    await first.db.execute(sql`create table kept (n int)`);
    await first.db.execute(sql`insert into kept values (42)`);
    const script = path.join(tempDir(), "open.mts");
    writeFileSync(
      script,
      `import { openDatabase } from ${JSON.stringify(path.join(ROOT, "lib/db/client.ts"))};\n` +
        `try { await openDatabase({ dataDir: ${JSON.stringify(dataDir)} }); process.exit(0); }\n` +
        `catch (error) { console.error(error.message); process.exit(3); }\n`,
    );
    const second = spawnSync(
      process.execPath,
      [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--tsconfig", path.join(ROOT, "tsconfig.json"), script],
      { cwd: ROOT, encoding: "utf8", timeout: 60_000 },
    );
    expect(second.status, second.stderr).toBe(3);
    expect(second.stderr).toContain(`in use by process ${process.pid}`);
    const rows = resultRows<{ n: number }>(await first.db.execute(sql`select n from kept`));
    expect(rows).toEqual([{ n: 42 }]);
    await first.close();
  }, 90_000);
});

describe("npm run db:backup and db:restore", () => {
  it("a backup restored into the data folder brings back what was stored", async () => {
    const dataDir = tempDir();
    const handle = await openDatabase({ dataDir });
    await handle.db.execute(sql`create table kept (n int)`);
    await handle.db.execute(sql`insert into kept values (7)`);
    await handle.close();
    const tool = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [
          path.join(ROOT, "node_modules/tsx/dist/cli.mjs"),
          "--tsconfig",
          path.join(ROOT, "tsconfig.json"),
          "--conditions=react-server",
          path.join(ROOT, "scripts/db-tool.ts"),
          ...args,
        ],
        {
          cwd: dataDir,
          encoding: "utf8",
          timeout: 120_000,
          env: withoutDatabaseUrl({ ...process.env, DATA_DIR: dataDir }),
        },
      );
    const file = path.join(dataDir, "backup.tar.gz");
    const backup = tool("backup", file);
    expect(backup.status, backup.stderr).toBe(0);
    // Something happens to the database after the backup…
    const changed = await openDatabase({ dataDir });
    await changed.db.execute(sql`delete from kept`);
    await changed.close();
    const restore = tool("restore", file);
    expect(restore.status, restore.stderr).toBe(0);
    const restored = await openDatabase({ dataDir });
    expect(resultRows<{ n: number }>(await restored.db.execute(sql`select n from kept`))).toEqual([{ n: 7 }]);
    await restored.close();
  }, 240_000);
});
