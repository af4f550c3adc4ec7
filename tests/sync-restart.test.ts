/**
 * The sync worker killed mid-run (SIGKILL: no clean-up at all) and started again: the database
 * on disk survives, the second run fetches only what the first did not store, and the mirror ends
 * complete. Runs `npm run sync -- --once` as its own process against a real simulator.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDatabase } from "@/lib/db/client";
import { products } from "@/lib/db/schema";
import { startSimulator, type RunningSimulator } from "@/simulator/server";

const PRODUCTS = 1_200;
let simulator: RunningSimulator;
let dataDir: string;

beforeAll(async () => {
  // Latency, so that the first run is surely killed half-way (fetching all details takes seconds).
  simulator = await startSimulator({
    port: 0,
    products: PRODUCTS,
    seed: "restart",
    timeScale: 0,
    faults: { latencyMs: 40 },
  });
  dataDir = mkdtempSync(path.join(os.tmpdir(), "portal-sync-restart-"));
});

afterAll(async () => {
  await simulator?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function syncWorker(): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    UPSTREAM_URL: simulator.url,
    UPSTREAM_SERVICE_TOKEN: simulator.sim.options.serviceToken,
  };
  delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", path.join("scripts", "sync.ts"), "--once"],
    {
      cwd: process.cwd(),
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let text = "";
  child.stdout!.on("data", (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function detailCalls(): Promise<number> {
  const response = await fetch(`${simulator.url}/__sim/stats`, {
    headers: { "x-sim-key": simulator.sim.options.controlKey },
  });
  const stats = (await response.json()) as { routes: Record<string, number> };
  return stats.routes["GET /products/{product}"] ?? 0;
}

async function storedProducts(): Promise<number> {
  const database = await openDatabase({ dataDir });
  try {
    const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(products);
    return row?.n ?? 0;
  } finally {
    await database.close();
  }
}

/** "… 412 stored …" from the worker's progress lines: the most it reported. */
function storedSoFar(output: string): number {
  return Math.max(0, ...[...output.matchAll(/([\d,]+) stored/g)].map((match) => Number(match[1]!.replace(/,/g, ""))));
}

describe("the sync worker killed mid-run", () => {
  it("resumes where it stopped and ends with the whole catalogue", { timeout: 180_000 }, async () => {
    const first = syncWorker();
    const deadline = Date.now() + 120_000;
    while (storedSoFar(first.output()) < 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(storedSoFar(first.output()), first.output()).toBeGreaterThanOrEqual(200);
    first.child.kill("SIGKILL");
    expect(await first.exited).toBeNull();
    // What the killed run left in the database: some of the catalogue, not all of it.
    const storedAtKill = await storedProducts();
    expect(storedAtKill).toBeGreaterThanOrEqual(150);
    expect(storedAtKill).toBeLessThan(PRODUCTS);
    const callsBefore = await detailCalls();

    const second = syncWorker();
    expect(await second.exited, second.output()).toBe(0);
    const callsOfSecond = (await detailCalls()) - callsBefore;
    // Only what the first run had not stored (a few more at most, for products that changed meanwhile).
    expect(callsOfSecond).toBeLessThanOrEqual(PRODUCTS - storedAtKill + 20);
    expect(await storedProducts()).toBe(PRODUCTS);
  });
});
