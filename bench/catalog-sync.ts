/**
 * `npm run bench:catalog:sync`: the catalogue sync against the simulator (in a process of its own,
 * clock frozen), into an embedded PGlite on disk as the portal uses it.
 *
 * (a) a full sync of 5,000 products at concurrency 8 (target < 60 s);
 * (b) with the simulator at 100,000 products, after a full sync: an incremental sync after 100
 *     changes (target < 5 s), its upstream calls against the catalogue size; also the same on
 *     5,000 products, and an incremental run that reads the whole SKU list (vanished products).
 *
 * Options: --small=5000 --large=100000 --changes=100 --concurrency=8, --only=small or --only=large
 * (the other size keeps its figures from the last run). Figures go to bench/catalog-sync.json and
 * bench/catalog-sync.md, with the machine's load average: on a shared 2-core machine it explains
 * most of the spread between runs.
 */
import "./lib/dotenv";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";

import { CatalogueSync, type SyncReport } from "@/lib/catalogue/sync/catalogue-sync";
import { silentLogger } from "@/lib/catalogue/sync/logger";
import { createSyncUpstream } from "@/lib/catalogue/sync/upstream";
import { openDatabase, type DatabaseHandle } from "@/lib/db/client";

import { startSimProcess, type SimProcess } from "./lib/sim-process";
import { runBench, writeBenchResult } from "./lib/result";
import { numberOption, textOption } from "./lib/options";

const SMALL = numberOption("small", 5_000);
const LARGE = numberOption("large", 100_000);
const CHANGES = numberOption("changes", 100);
const CONCURRENCY = numberOption("concurrency", 8);
const ONLY = textOption("only");
if (ONLY !== undefined && ONLY !== "small" && ONLY !== "large") throw new Error("--only must be small or large");
const TMP = path.join(process.cwd(), "bench", "tmp");

interface RunFigures {
  seconds: number;
  listed: number;
  changed: number;
  stored: number;
  failed: number;
  upstreamCalls: number;
  /** Requests the simulator counted, by route. */
  simulatorRoutes: Record<string, number>;
  outcome: string;
}

interface CatalogueFigures {
  products: number;
  date: string;
  /** 1-minute load average of the machine at the start and the end of the measurement. */
  loadAverage: { start: number; end: number };
  fullSync: RunFigures & { productsPerSecond: number };
  incremental: RunFigures & { changesMade: number };
  incrementalWithFullList: RunFigures;
}

function figures(report: SyncReport, routes: Record<string, number>): RunFigures {
  return {
    seconds: Math.round(report.durationMs) / 1000,
    listed: report.listed,
    changed: report.changed,
    stored: report.stored,
    failed: report.failed,
    upstreamCalls: report.upstreamCalls,
    simulatorRoutes: routes,
    outcome: report.outcome,
  };
}

async function openFreshDatabase(name: string): Promise<DatabaseHandle> {
  const dataDir = path.join(TMP, name);
  rmSync(dataDir, { recursive: true, force: true });
  return openDatabase({ dataDir });
}

function progressLine(label: string) {
  let last = 0;
  return (progress: { phase: string; done: number; total: number }) => {
    const now = Date.now();
    if (progress.phase !== "details" || (now - last < 5_000 && progress.done !== progress.total)) return;
    last = now;
    console.log(`  ${label}: ${progress.done}/${progress.total}`);
  };
}

async function measureCatalogue(products: number): Promise<CatalogueFigures> {
  const startLoad = loadavg()[0] ?? 0;
  const date = new Date().toISOString();
  console.log(`\n${products.toLocaleString("en-GB")} products (load average ${startLoad.toFixed(2)})`);
  const sim: SimProcess = await startSimProcess({ products });
  const handle = await openFreshDatabase(`catalog-sync-${products}`);
  try {
    const upstream = createSyncUpstream({
      baseUrl: sim.url,
      token: sim.serviceToken,
      timeoutMs: 30_000,
      readAttempts: 3,
    });
    const sync = new CatalogueSync({ db: handle.db, upstream, concurrency: CONCURRENCY, logger: silentLogger });

    await sim.control("POST", "stats/reset");
    const full = await sync.run({ onProgress: progressLine("full sync") });
    const fullFigures = figures(full, (await sim.stats()).routes);
    console.log(`  full sync: ${fullFigures.seconds} s, ${full.stored} stored, ${full.upstreamCalls} upstream calls`);

    const tick = await sim.control<{ changed: Array<{ sku: string }> }>("POST", "catalogue/tick", { changes: CHANGES });
    const changesMade = new Set(tick.changed.map((change) => change.sku)).size;
    await sim.control("POST", "stats/reset");
    const incremental = await sync.run();
    const incrementalFigures = figures(incremental, (await sim.stats()).routes);
    console.log(
      `  incremental after ${changesMade} changes: ${incrementalFigures.seconds} s, ${incremental.changed} changed, ${incremental.upstreamCalls} upstream calls`,
    );

    await sim.control("POST", "catalogue/tick", { changes: CHANGES });
    await sim.control("POST", "stats/reset");
    const withList = await sync.run({ checkVanished: true });
    const withListFigures = figures(withList, (await sim.stats()).routes);
    console.log(
      `  incremental with the whole SKU list: ${withListFigures.seconds} s, ${withList.changed} changed, ${withList.upstreamCalls} upstream calls`,
    );

    return {
      products,
      date,
      loadAverage: { start: round2(startLoad), end: round2(loadavg()[0] ?? 0) },
      fullSync: {
        ...fullFigures,
        productsPerSecond: Math.round(full.stored / Math.max(0.001, full.durationMs / 1000)),
      },
      incremental: { ...incrementalFigures, changesMade },
      incrementalWithFullList: withListFigures,
    };
  } finally {
    await handle.close();
    await sim.stop();
  }
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function markdown(result: { small: CatalogueFigures | null; large: CatalogueFigures | null }): string {
  const rows: string[] = [];
  const row = (what: string, f: RunFigures, target: string) =>
    rows.push(
      `| ${what} | ${f.seconds.toFixed(2)} s | ${f.listed.toLocaleString("en-GB")} | ${f.changed.toLocaleString("en-GB")} | ${f.stored.toLocaleString("en-GB")} | ${f.failed} | ${f.upstreamCalls.toLocaleString("en-GB")} | ${target} |`,
    );
  for (const c of [result.small, result.large]) {
    if (!c) continue;
    const n = c.products.toLocaleString("en-GB");
    rows.push(
      `| **${n} products**, ${c.date}, load average ${c.loadAverage.start} → ${c.loadAverage.end} | | | | | | | |`,
    );
    row(`${n}: full sync (×${CONCURRENCY})`, c.fullSync, c.products === SMALL ? "< 60 s" : "");
    row(
      `${n}: incremental after ${c.incremental.changesMade} changes`,
      c.incremental,
      c.products === LARGE ? "< 5 s" : "",
    );
    row(`${n}: incremental with the whole SKU list`, c.incrementalWithFullList, "");
  }
  const calls = [result.small, result.large]
    .filter((c): c is CatalogueFigures => c !== null)
    .map(
      (c) =>
        `- ${c.products.toLocaleString("en-GB")} products: ${c.incremental.upstreamCalls} upstream calls for ${c.incremental.changesMade} changes (${JSON.stringify(c.incremental.simulatorRoutes)})`,
    );
  return [
    "# Catalogue sync benchmark",
    "",
    `\`npm run bench:catalog:sync\` on this 2-core machine: simulator in its own process (frozen clock), embedded PGlite on disk, concurrency ${CONCURRENCY}. The machine is shared: the load average (2 = both cores busy) is given per measurement.`,
    "",
    "| run | time | listed | changed | stored | failed | upstream calls | target |",
    "|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "Upstream calls of an incremental run (one SKU list call plus one detail call per changed product) do not depend on the catalogue size:",
    "",
    ...calls,
    "",
    "The run that reads the whole SKU list (every 12th run by default, to find vanished products) adds the category tree and a list of every SKU: two calls, however large the catalogue.",
    "",
  ].join("\n");
}

function previous(): { small: CatalogueFigures | null; large: CatalogueFigures | null } {
  const file = path.join(process.cwd(), "bench", "catalog-sync.json");
  if (!existsSync(file)) return { small: null, large: null };
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as { small?: CatalogueFigures; large?: CatalogueFigures };
    return { small: data.small?.date ? data.small : null, large: data.large?.date ? data.large : null };
  } catch {
    return { small: null, large: null };
  }
}

async function main(): Promise<void> {
  const before = previous();
  const small = ONLY === "large" ? before.small : await measureCatalogue(SMALL);
  const large = ONLY === "small" ? before.large : await measureCatalogue(LARGE);
  const result = {
    concurrency: CONCURRENCY,
    targets: { fullSync5kSeconds: 60, incremental100kSeconds: 5 },
    small,
    large,
    passed: {
      fullSync: small ? small.fullSync.seconds < 60 && small.fullSync.failed === 0 : null,
      incremental: large ? large.incremental.seconds < 5 && large.incremental.upstreamCalls <= CHANGES + 1 : null,
    },
  };
  writeBenchResult("catalog-sync", result, markdown(result));
}

runBench(main);
