/**
 * A fresh clone configured by a .env file: `npm start` and `npm run sync` both read it the way Next does,
 * and what is set wins over the start script's defaults. The scripts run as child processes in a temporary
 * folder holding only the .env (and the migrations), as in a deployment.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startSimulator, type RunningSimulator } from "@/tests/fixtures/simulator";

const ROOT = path.resolve(__dirname, "../..");

function runNode(args: string[], cwd: string, env: Record<string, string | undefined> = {}) {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  // The test runner's own settings must not stand in for the .env's.
  for (const name of ["UPSTREAM_URL", "DATA_DIR", "NEXTAUTH_URL", "NEXTAUTH_SECRET", "DATABASE_URL", "NODE_ENV"])
    if (!(name in env)) delete childEnv[name];
  return new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: childEnv as NodeJS.ProcessEnv });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, out }));
  });
}

describe("configuration from .env", () => {
  let dir: string;
  let sim: RunningSimulator;
  let dataDir: string;

  beforeAll(async () => {
    sim = await startSimulator({ products: 40, seed: 7 });
    dir = mkdtempSync(path.join(os.tmpdir(), "portal-dotenv-"));
    dataDir = path.join(dir, "elsewhere-data");
    symlinkSync(path.join(ROOT, "drizzle"), path.join(dir, "drizzle"));
    writeFileSync(
      path.join(dir, ".env"),
      [
        `UPSTREAM_URL=${sim.url}`,
        `DATA_DIR=${dataDir}`,
        "NEXTAUTH_URL=https://portal.example",
        "NEXTAUTH_SECRET=from-dotenv-0123456789abcdef0123456789",
        "SYNC_CONCURRENCY=2",
      ].join("\n"),
    );
  });

  afterAll(async () => {
    await sim?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("npm start takes the upstream, the data folder and the address from .env, and starts no simulator", async () => {
    const { code, out } = await runNode([path.join(ROOT, "scripts/start.mjs"), "--print-config"], dir);
    expect(code, out).toBe(0);
    const config = JSON.parse(out.trim().split("\n").at(-1)!) as { embedded: boolean; env: Record<string, string> };
    expect(config.embedded).toBe(false);
    expect(config.env.UPSTREAM_URL).toBe(sim.url);
    expect(config.env.DATA_DIR).toBe(dataDir);
    expect(config.env.NEXTAUTH_URL).toBe("https://portal.example");
    expect(config.env.DEMO_MODE).toBeNull();
  });

  it("the process's own environment wins over .env, as in Next", async () => {
    const { code, out } = await runNode([path.join(ROOT, "scripts/start.mjs"), "--print-config"], dir, {
      DATA_DIR: "/srv/portal-data",
    });
    expect(code, out).toBe(0);
    const config = JSON.parse(out.trim().split("\n").at(-1)!) as { env: Record<string, string> };
    expect(config.env.DATA_DIR).toBe("/srv/portal-data");
    expect(config.env.UPSTREAM_URL).toBe(sim.url);
  });

  it("without UPSTREAM_URL anywhere, npm start runs the embedded simulator in demo mode", async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), "portal-noenv-"));
    try {
      const { code, out } = await runNode([path.join(ROOT, "scripts/start.mjs"), "--print-config"], empty);
      expect(code, out).toBe(0);
      const config = JSON.parse(out.trim().split("\n").at(-1)!) as { embedded: boolean; env: Record<string, string> };
      expect(config.embedded).toBe(true);
      expect(config.env.UPSTREAM_URL).toBe("http://127.0.0.1:4010");
      expect(config.env.DEMO_MODE).toBe("true");
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("npm run sync syncs from the .env's upstream into the .env's data folder", async () => {
    await fetch(`${sim.url}/__sim/stats/reset`, { method: "POST", headers: { "x-sim-key": "sim-control-key" } });
    const { code, out } = await runNode(
      [
        path.join(ROOT, "node_modules/tsx/dist/cli.mjs"),
        "--tsconfig",
        path.join(ROOT, "tsconfig.json"),
        "--conditions=react-server",
        path.join(ROOT, "scripts/sync.ts"),
        "--once",
      ],
      dir,
    );
    expect(code, out).toBe(0);
    expect(out).toContain(`catalogue sync: ${sim.url} → PGlite in ${dataDir}`);
    expect(existsSync(path.join(dataDir, "pglite"))).toBe(true);
    const stats = (await (
      await fetch(`${sim.url}/__sim/stats`, { headers: { "x-sim-key": "sim-control-key" } })
    ).json()) as { total: number; routes: Record<string, number> };
    expect(stats.total).toBeGreaterThan(0);
    expect(Object.keys(stats.routes).some((route) => route.startsWith("GET /products"))).toBe(true);
  }, 120_000);
});
