/**
 * `npm run bench:throughput`: what a page costs against a trivial dynamic response, in one run.
 *
 * The production build as it ships (the standalone folder's `server.js`; background sync off) against the simulator (5,000
 * products by default, own process, frozen clock) and the synced mirror of bench/tmp (reused or
 * synced here). One signed-in dealer (dealer@acme.example, who may list products); autocannon with
 * 10 keep-alive connections and that session's cookie, 15 s per URL, one URL after the other:
 * /api/health, /offline, a product page, a search and a category page. Requests per second, p50
 * and p95 (timed in the client), the ratio of each URL's throughput to /api/health's in the same run,
 * and the load average before each URL: the machine is shared, so only the ratios compare runs.
 *
 * Then the framework alone: bench/reference-app (the same Next.js and React under `next start`) with a
 * trivial route handler and an empty page rendered per request, the page's share of the handler being
 * what per-request rendering leaves of a trivial response on this host (built in bench/tmp).
 *
 * Written to bench/throughput.json (one run per `--label`, the others kept) and bench/throughput.md.
 *
 * Options: --label=after --duration=15 --connections=10 --products=5000 --seed=bench; the build as
 * in bench:load (--rebuild, --no-build; NEXT_DIST_DIR names the build's folder).
 */
import "./lib/dotenv";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import autocannon, { type RequestContext } from "autocannon";

import { openDatabase } from "@/lib/db/client";

import { readCorpus, type Corpus } from "./lib/corpus";
import { startReferenceApp } from "./lib/reference-app";
import { buildLine, ensureBuild, signIn, startPortal, timedGet, type BuildInfo } from "./lib/portal";
import { startSimProcess } from "./lib/sim-process";
import { runBench, writeBenchResult } from "./lib/result";
import { distribution, machine, machineLine, ms, type Distribution, type Machine } from "./lib/stats";
import { syncedDatabase } from "./lib/synced-db";
import { flag, numberOption, textOption } from "./lib/options";

const DURATION = numberOption("duration", 15);
const CONNECTIONS = numberOption("connections", 10);
const PRODUCTS = numberOption("products", 5_000);
const SEED = textOption("seed", "bench");
const LABEL = textOption("label", "latest");
/** The issue's own examples, used when the catalogue of this seed has them. */
const PREFERRED_SKU = "0104916";
const PREFERRED_CATEGORY = "Electricity";
const SEARCH = "kabel";

interface UrlFigures {
  name: string;
  path: string;
  requests: number;
  requestsPerSecond: number;
  latency: Distribution;
  /** requests/s as a share of /api/health's in the same run. */
  ratioToHealth: number;
  statusCodes: Record<string, number>;
  errors: number;
  /** 1, 5, 15 minute load average just before this URL's run. */
  loadAverage: number[];
}

interface ThroughputRun {
  label: string;
  date: string;
  /** What the figures cannot show by themselves (written by hand after the run). */
  note?: string;
  command: string;
  machine: Machine;
  build: BuildInfo;
  products: number;
  seed: string;
  connections: number;
  durationSeconds: number;
  urls: UrlFigures[];
  /**
   * The framework alone (bench/reference-app under `next start`, the same Next.js and React, no proxy):
   * a trivial route handler and an empty page rendered per request, measured in the same run after the
   * portal's URLs. The page's share of the route handler is what per-request rendering leaves on this host.
   */
  reference?: { routeHandler: UrlFigures; emptyPage: UrlFigures; pageShare: number };
}

interface ThroughputFile {
  runs: ThroughputRun[];
}

/** The goals: throughput as a share of /api/health's. */
const GOALS: Record<string, number> = { offline: 0.6, product: 0.35, search: 0.2, category: 0.25 };

function pickTargets(corpus: Corpus): Array<{ name: string; path: string }> {
  const sku = corpus.skus.includes(PREFERRED_SKU) ? PREFERRED_SKU : (corpus.orderable[0] ?? corpus.skus[0]!);
  const category =
    corpus.categories.find((item) => item.code === PREFERRED_CATEGORY) ??
    corpus.categories.find((item) => item.pathCodes.length === 1) ??
    corpus.categories[0]!;
  return [
    { name: "health", path: "/api/health" },
    { name: "offline", path: "/offline" },
    { name: "product", path: `/products/${encodeURIComponent(sku)}` },
    { name: "search", path: `/search?q=${SEARCH}` },
    { name: "category", path: `/catalogue/${category.pathCodes.map(encodeURIComponent).join("/")}` },
  ];
}

const loadAverage = () => os.loadavg().map((value) => Math.round(value * 100) / 100);

async function measure(url: string, cookie: string, target: { name: string; path: string }): Promise<UrlFigures> {
  const samples: number[] = [];
  const before = loadAverage();
  const result = await autocannon({
    url: `${url}${target.path}`,
    connections: CONNECTIONS,
    duration: DURATION,
    timeout: DURATION,
    headers: { Cookie: cookie },
    requests: [
      {
        method: "GET",
        path: target.path,
        setupRequest: (request, context: RequestContext) => {
          context.sentAt = performance.now();
          return request;
        },
        onResponse: (_status, _body, context) => {
          if (typeof context.sentAt === "number") samples.push(performance.now() - context.sentAt);
        },
      },
    ],
  });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, value]) => [code, value.count]),
  );
  return {
    name: target.name,
    path: target.path,
    // Responses timed in the client within the run (autocannon's own totals are not in its aggregate result).
    requests: samples.length,
    requestsPerSecond: Math.round((samples.length / DURATION) * 10) / 10,
    latency: distribution(samples),
    ratioToHealth: 0,
    statusCodes,
    errors: result.errors + result.timeouts + result.non2xx,
    loadAverage: before,
  };
}

/** The reference app's route handler and empty page, one after the other (see ThroughputRun.reference). */
async function measureReference(): Promise<ThroughputRun["reference"]> {
  const app = await startReferenceApp();
  try {
    const targets = [
      { name: "reference route handler", path: "/api/health" },
      { name: "reference empty page", path: "/" },
    ];
    for (const target of targets) for (let i = 0; i < 5; i++) await timedGet(`${app.url}${target.path}`, "");
    const figures: UrlFigures[] = [];
    for (const target of targets) {
      console.log(`  reference app ${target.path}: ${CONNECTIONS} connections for ${DURATION} s…`);
      figures.push(await measure(app.url, "", target));
    }
    const [routeHandler, emptyPage] = figures as [UrlFigures, UrlFigures];
    const pageShare = Math.round((emptyPage.requestsPerSecond / (routeHandler.requestsPerSecond || 1)) * 1000) / 1000;
    emptyPage.ratioToHealth = pageShare;
    routeHandler.ratioToHealth = 1;
    return { routeHandler, emptyPage, pageShare };
  } finally {
    await app.stop();
  }
}

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;

function runTable(run: ThroughputRun): string[] {
  return [
    `### ${run.label}: ${run.date}`,
    "",
    `${machineLine(run.machine)}. Build \`${run.build.buildId}\` (${buildLine(run.build)}). ${run.products.toLocaleString("en-GB")} products (seed \`${run.seed}\`), ${run.connections} connections, ${run.durationSeconds} s per URL, one signed-in dealer's cookie.`,
    "",
    ...(run.note ? [run.note, ""] : []),
    ...(run.reference
      ? [
          `The framework alone, in the same run (bench/reference-app: the same Next.js and React under \`next start\`, no proxy, no session): an empty page rendered per request ${run.reference.emptyPage.requestsPerSecond}/s against its trivial route handler's ${run.reference.routeHandler.requestsPerSecond}/s, **${pct(run.reference.pageShare)}**. No page rendered per request gets a larger share of a trivial response than that on this host.`,
          "",
        ]
      : []),
    "| URL | requests/s | p50 | p95 | share of /api/health | goal | errors | load average before (1/5/15 min) |",
    "|---|---|---|---|---|---|---|---|",
    ...run.urls.map((item) => {
      const goal = GOALS[item.name];
      const verdict = goal === undefined ? "" : `≥ ${pct(goal)}: ${item.ratioToHealth >= goal ? "met" : "**missed**"}`;
      return `| \`${item.path}\` | ${item.requestsPerSecond} | ${ms(item.latency.p50)} | ${ms(item.latency.p95)} | ${pct(item.ratioToHealth)} | ${verdict} | ${item.errors} | ${item.loadAverage.join(" / ")} |`;
    }),
    "",
  ];
}

function throughputMarkdown(file: ThroughputFile): string {
  return [
    "# Throughput per page",
    "",
    "`npm run bench:throughput`: autocannon against the production build, one URL after another in one run. The machine (2 cores) is shared with other engineers' builds and tests: absolute figures move with its load (given beside each URL); the shares of /api/health's throughput within one run are what compare runs.",
    "",
    ...file.runs.flatMap(runTable),
  ].join("\n");
}

async function main(): Promise<void> {
  if (flag("markdown-only")) {
    const file = JSON.parse(readFileSync(path.join(process.cwd(), "bench", "throughput.json"), "utf8")) as ThroughputFile;
    writeFileSync(path.join(process.cwd(), "bench", "throughput.md"), throughputMarkdown(file));
    return;
  }
  const started = machine();
  console.log(`throughput — ${machineLine(started)}`);
  const build = await ensureBuild();
  const sim = await startSimProcess({ products: PRODUCTS, seed: SEED });
  let run: ThroughputRun;
  try {
    const synced = await syncedDatabase(sim, { products: PRODUCTS, seed: SEED });
    const handle = await openDatabase({ dataDir: synced.dataDir });
    let corpus: Corpus;
    try {
      corpus = await readCorpus(handle.db);
    } finally {
      await handle.close();
    }
    const targets = pickTargets(corpus);
    const portal = await startPortal({ upstreamUrl: sim.url, dataDir: synced.dataDir });
    try {
      const cookie = await signIn(portal.url, "dealer@acme.example", "demo1234");
      // Warm-up, not measured: each URL answers 200, and the first renders are behind us.
      for (const target of targets) {
        for (let i = 0; i < 5; i++) {
          const response = await timedGet(`${portal.url}${target.path}`, cookie);
          if (response.status !== 200)
            throw new Error(`${target.path} answered ${response.status}:\n${portal.output().slice(-20).join("\n")}`);
        }
      }
      const urls: UrlFigures[] = [];
      for (const target of targets) {
        console.log(`  ${target.path}: ${CONNECTIONS} connections for ${DURATION} s…`);
        urls.push(await measure(portal.url, cookie, target));
      }
      const health = urls[0]!.requestsPerSecond || 1;
      for (const item of urls) item.ratioToHealth = Math.round((item.requestsPerSecond / health) * 1000) / 1000;
      await portal.stop();
      const reference = await measureReference();
      run = {
        label: LABEL,
        date: new Date().toISOString(),
        command: `npm run bench:throughput -- --label=${LABEL}`,
        machine: started,
        build,
        products: PRODUCTS,
        seed: SEED,
        connections: CONNECTIONS,
        durationSeconds: DURATION,
        urls,
        reference,
      };
    } finally {
      await portal.stop();
    }
  } finally {
    await sim.stop();
  }

  const out = path.join(process.cwd(), "bench");
  const jsonFile = path.join(out, "throughput.json");
  const previous: ThroughputFile = existsSync(jsonFile)
    ? (JSON.parse(readFileSync(jsonFile, "utf8")) as ThroughputFile)
    : { runs: [] };
  const file: ThroughputFile = { runs: [...previous.runs.filter((item) => item.label !== run.label), run] };
  writeBenchResult("throughput", file, throughputMarkdown(file), runTable(run).join("\n"));
}

runBench(main);
