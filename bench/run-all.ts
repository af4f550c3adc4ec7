/**
 * `npm run bench`: every performance figure in one go, then a summary to compare later changes by.
 *
 *   1. npm run bench:catalog  (bench:catalog:sync, then bench:catalog:queries)
 *   2. npm run bench:load
 *   3. npm run bench:memory
 *   4. npm run bench:bundle
 *
 * then bench/results.md from their bench/*.json, with the machine and its load average at the
 * start. A failing step stops the run (its figures would be missing). `--summary-only` rewrites
 * bench/results.md from the JSON files already there.
 */
import "./lib/dotenv";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { machineCeiling, referenceThroughputs, type CpuDuringRun } from "./lib/cpu";
import { machine, machineLine, ms, type Distribution, type Machine } from "./lib/stats";
import { flag } from "./lib/options";

const STEPS = ["bench:catalog", "bench:load", "bench:memory", "bench:bundle"] as const;
const BENCH = path.join(process.cwd(), "bench");

function npmRun(script: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", script], { stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`npm run ${script} exited ${code}`))));
  });
}

function readJson<T>(name: string): T | null {
  const file = path.join(BENCH, name);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
}

interface SyncRun {
  seconds: number;
  stored: number;
  upstreamCalls: number;
}
interface SyncCatalogue {
  products: number;
  date?: string;
  loadAverage?: { start: number; end: number };
  fullSync: SyncRun;
  incremental: SyncRun & { changesMade: number };
}
interface CatalogSync {
  small: SyncCatalogue | null;
  large: SyncCatalogue | null;
}
interface CatalogQueries {
  date: string;
  machine: Machine;
  products: number;
  database: { reused: boolean; syncedAt: string };
  inProcess: Record<
    "words" | "skuPrefixes" | "misspellings" | "suggestions" | "categoryDefault" | "categoryPageReads",
    Distribution
  > & {
    /** Absent in runs before the reference was measured. */
    reference?: {
      commit: string;
      missing?: string;
      kinds?: Record<string, { current: Distribution; reference: Distribution; ratio: number; goalRatio: number }>;
    };
  };
  http: { pages: Distribution & { errors: number }; upstreamCalls: number } | null;
}
interface Load {
  date: string;
  machine: Machine;
  loadAverageAtRun: number[];
  sessions: number;
  durationSeconds: number;
  requests: number;
  inFlightAtEnd: number;
  throughputPerSecond: number;
  latency: Distribution;
  byKind: Record<string, Distribution & { fromCopy?: number }>;
  errors: { non2xx: number; connectionErrors: number; timeouts: number; cartRefused: number };
  upstreamCalls: number;
  portalRssMiB: { beforeRun: number; afterRun: number; peakDuringRun?: number; settled?: number; settleSeconds?: number };
  cpu?: CpuDuringRun;
  reference?:
    | { commit: string; runs: Array<{ which: string; throughputPerSecond: number }>; throughputRatio: number; goal: number }
    | { missing: string };
}
/**
 * The machine's ceiling at the load run's cost per request (all its cores busy), as a share of the
 * reference's throughput, beside what the goal needs; empty without CPU figures or a reference.
 */
function loadCeilingRows(load: Load): string[] {
  const reference = load.reference;
  if (!load.cpu || !reference || "missing" in reference) return [];
  const ceiling = machineCeiling(load.cpu, load.requests, referenceThroughputs(reference));
  return [
    `| the machine's ceiling at this cost per request: every one of its ${ceiling.cores} cores busy all the run | ${ceiling.maxPerSecond.toFixed(0)}/s, ${ceiling.ceilingRatio.toFixed(2)}× the reference | ${reference.goal}× needs ≤ ${ceiling.msPerRequestForGoal.toFixed(1)} ms of the whole machine per request (this run: ${ceiling.machineMsPerRequest.toFixed(1)} ms) |`,
  ];
}

/** Issue 19's throughput goal of \`bench:load\`, with the ratio its run measured beside the reference build. */
function loadThroughputGoal(load: Load): string {
  const goal = "≥ 4× the code issue 19 measured, in the same conditions";
  const reference = load.reference;
  if (!reference) return `${goal}: not measured in this run (no reference build run beside it)`;
  if ("missing" in reference) return `${goal}: not measured (${reference.missing})`;
  const theirs = reference.runs.filter((run) => run.which === "reference").map((run) => `${run.throughputPerSecond.toFixed(1)}/s`);
  return `${goal} (\`${reference.commit}\`: ${theirs.join(", ")} in the same run): ${reference.throughputRatio.toFixed(2)}×, ${verdict(reference.throughputRatio >= reference.goal)}`;
}

interface MemoryAfterPages {
  date: string;
  machine: Machine;
  sessions: number;
  pages: number;
  pagesPerSecond: number;
  rssMiB: { beforePages: number; afterPages: number; settled: number; settleSeconds: number };
  liveHeapMB: { beforePages: number | null; afterPages: number | null; settled: number | null };
}
interface Bundle {
  date: string;
  routes: Array<{ route: string; gzipBytes: number }>;
  shared: { gzipBytes: number };
}

const pct = (d: Distribution) => `${ms(d.p50)} / ${ms(d.p95)} / ${ms(d.p99)}`;
const perRequest = (totalMs: number, requests: number) => ms(totalMs / Math.max(1, requests));
const verdict = (ok: boolean) => (ok ? "met" : "**missed**");
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

interface ClusterFigures {
  instances: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  errors: number;
  non2xx: number;
}

interface Cluster {
  date: string;
  machine: string;
  seconds: number;
  connections: number;
  one: ClusterFigures;
  two: ClusterFigures;
  throughputRatio: number;
  p95Ratio: number;
}

function summary(start: Machine | null): string {
  const sync = readJson<CatalogSync>("catalog-sync.json");
  const queries = readJson<CatalogQueries>("catalog-queries.json");
  const load = readJson<Load>("load.json");
  const memory = readJson<MemoryAfterPages>("memory.json");
  const bundle = readJson<Bundle>("bundle.json");
  const lines = [
    "# Benchmark results",
    "",
    `Written ${new Date().toISOString()} by \`npm run bench\`${start ? "" : " (`--summary-only`: from the JSON files of earlier runs)"}.`,
    "",
    start
      ? `Machine at the start: ${machineLine(start)}.`
      : `Machine (when this summary was written): ${machineLine(machine())}. Each section gives the load average of its own run.`,
    "",
    "The machine is shared with other work (test runs, builds): the load average says how busy it was. Each section names its own file with every detail.",
    "",
  ];
  if (sync) {
    const when = (c: SyncCatalogue | null) =>
      c?.date
        ? `${c.products.toLocaleString("en-GB")} products: ${c.date}, load average ${c.loadAverage?.start ?? "?"} → ${c.loadAverage?.end ?? "?"}`
        : null;
    lines.push(
      "## Catalogue sync (`bench/catalog-sync.md`)",
      "",
      `${[when(sync.small), when(sync.large)].filter(Boolean).join("; ")}.`,
      "",
      "| figure | value | target |",
      "|---|---|---|",
    );
    if (sync.small) {
      lines.push(
        `| full sync of ${sync.small.products.toLocaleString("en-GB")} products, concurrency 8 | ${sync.small.fullSync.seconds} s | < 60 s: ${verdict(sync.small.fullSync.seconds < 60)} |`,
      );
    }
    if (sync.large) {
      lines.push(
        `| incremental sync after ${sync.large.incremental.changesMade} changes at ${sync.large.products.toLocaleString("en-GB")} products | ${sync.large.incremental.seconds} s, ${sync.large.incremental.upstreamCalls} upstream calls | < 5 s: ${verdict(sync.large.incremental.seconds < 5)} |`,
        `| full sync of ${sync.large.products.toLocaleString("en-GB")} products | ${sync.large.fullSync.seconds} s | |`,
      );
    } else {
      lines.push("| 100,000-product runs | not run (`--skip-large`) | |");
    }
    lines.push("");
  }
  if (queries) {
    const p = queries.inProcess;
    lines.push(
      "## Catalogue reads (`bench/catalog-queries.md`)",
      "",
      `${queries.date}, ${queries.products.toLocaleString("en-GB")} products${queries.database.reused ? `, database reused from the full sync of ${queries.database.syncedAt}` : ""}; load average at its start ${queries.machine.loadAverage.join(" / ")}.`,
      "",
      "| figure | p50 / p95 / p99 | target |",
      "|---|---|---|",
      `| search, title words (server time) | ${pct(p.words)} | p95 ≤ 20 ms (issue 19): ${verdict(p.words.p95 <= 20)} |`,
      `| search, SKU prefixes | ${pct(p.skuPrefixes)} | p95 ≤ 20 ms (issue 19): ${verdict(p.skuPrefixes.p95 <= 20)} |`,
      `| search, misspellings | ${pct(p.misspellings)} | p95 ≤ 20 ms (issue 19): ${verdict(p.misspellings.p95 <= 20)} |`,
      `| search suggestions | ${pct(p.suggestions)} | p95 ≤ 20 ms (issue 19): ${verdict(p.suggestions.p95 <= 20)} |`,
      ...Object.entries(p.reference?.kinds ?? {}).map(
        ([kind, pair]) =>
          `| search, ${{ words: "title words", skuPrefixes: "SKU prefixes", misspellings: "misspellings" }[kind] ?? kind}: p95 of the current code ÷ the issue's (${p.reference!.commit}), same run | ${pair.ratio.toFixed(2)} (${pair.current.p95.toFixed(1)} ÷ ${pair.reference.p95.toFixed(1)} ms) | ≤ ${pair.goalRatio.toFixed(2)} (issue 19's 20 ms as a ratio): ${verdict(pair.ratio <= pair.goalRatio)} |`,
      ),
      `| categoryProducts, 24 products | ${pct(p.categoryDefault)} | |`,
      `| all database reads of a category page | ${pct(p.categoryPageReads)} | |`,
    );
    if (queries.http) {
      lines.push(
        `| category page over HTTP, production build, signed in | ${pct(queries.http.pages)} (${queries.http.pages.errors} errors) | p95 < 150 ms: ${verdict(queries.http.pages.p95 < 150 && queries.http.pages.errors === 0)} |`,
        `| upstream calls during the category pages | ${queries.http.upstreamCalls} | zero: ${verdict(queries.http.upstreamCalls === 0)} |`,
      );
    }
    lines.push("");
  }
  if (load) {
    lines.push(
      "## Load test (`bench/load.md`)",
      "",
      `${load.date}: ${load.sessions} signed-in sessions, ${load.durationSeconds} s; load average when the run started ${load.loadAverageAtRun.join(" / ")}.`,
      "",
      "| figure | value | goal |",
      "|---|---|---|",
      `| requests completed (still in flight at the end), throughput | ${load.requests.toLocaleString("en-GB")} (${load.inFlightAtEnd}), ${load.throughputPerSecond.toFixed(1)}/s | ${loadThroughputGoal(load)} |`,
      `| latency p50 / p95 / p99, every completed response | ${pct(load.latency)} | p95 ≤ 1 s (issue 19): ${verdict(load.latency.p95 <= 1000)} |`,
      ...Object.entries(load.byKind).map(
        ([kind, d]) =>
          `| latency ${kind} p50 / p95 / p99${d.fromCopy === undefined ? "" : `; answered from a shared copy`} | ${pct(d)}${d.fromCopy === undefined ? "" : `; ${d.fromCopy} of ${d.n}`} | |`,
      ),
      `| non-2xx / connection errors / time-outs / failed cart actions | ${load.errors.non2xx} / ${load.errors.connectionErrors} / ${load.errors.timeouts} / ${load.errors.cartRefused} | |`,
      `| upstream calls during the run | ${load.upstreamCalls} | |`,
      ...(load.cpu
        ? [
            `| CPU per completed request: the portal's main thread (busy share of the run) / the whole machine (busy share of its ${load.cpu.cores} cores) | ${perRequest(load.cpu.mainThreadMs, load.requests)} (${Math.round(load.cpu.mainThreadBusyShare * 100)} %) / ${perRequest(load.cpu.machineBusyMs, load.requests)} (${Math.round(load.cpu.machineBusyShare * 100)} %) | |`,
          ]
        : []),
      ...loadCeilingRows(load),
      `| portal RSS before / after | ${load.portalRssMiB.beforeRun} MiB / ${load.portalRssMiB.afterRun} MiB | |`,
      ...(load.portalRssMiB.peakDuringRun !== undefined && load.portalRssMiB.settled !== undefined
        ? [
            `| portal RSS peak during the run / ${load.portalRssMiB.settleSeconds} s after it | ${load.portalRssMiB.peakDuringRun} MiB / ${load.portalRssMiB.settled} MiB | after the run ≤ 500 MiB (issue 19): ${verdict(load.portalRssMiB.settled <= 500)} |`,
          ]
        : []),
      "",
    );
  }
  if (memory) {
    const heap = (value: number | null) => (value === null ? "none yet" : `${value.toFixed(1)} MB`);
    lines.push(
      "## Memory after pages from a cold start (`bench/memory.md`)",
      "",
      `${memory.date}: ${memory.sessions} signed-in sessions, ${memory.pages.toLocaleString("en-GB")} product and category pages from the first request on, no warm-up (${memory.pagesPerSecond.toFixed(1)} pages/s); load average at the start ${memory.machine.loadAverage.join(" / ")}.`,
      "",
      `| figure | before the pages | right after | ${memory.rssMiB.settleSeconds} s later |`,
      "|---|---|---|---|",
      `| main thread's heap alive after a full collection | ${heap(memory.liveHeapMB.beforePages)} | ${heap(memory.liveHeapMB.afterPages)} | ${heap(memory.liveHeapMB.settled)} |`,
      `| portal RSS | ${memory.rssMiB.beforePages} MiB | ${memory.rssMiB.afterPages} MiB | ${memory.rssMiB.settled} MiB |`,
      "",
    );
  }
  if (bundle) {
    lines.push(
      "## First-load JavaScript (`bench/bundle.md`)",
      "",
      `${bundle.date}: shared by all pages ${kB(bundle.shared.gzipBytes)} gzip. Largest routes:`,
      "",
      "| route | first-load JS (gzip) |",
      "|---|---|",
      ...bundle.routes.slice(0, 5).map((route) => `| \`${route.route}\` | ${kB(route.gzipBytes)} |`),
      "",
    );
  }
  const cluster = readJson<Cluster>("cluster.json");
  if (cluster) {
    const row = (f: ClusterFigures) =>
      `| ${f.instances} | ${f.requestsPerSecond} | ${f.p50} | ${f.p95} | ${f.errors} | ${f.non2xx} |`;
    lines.push(
      "## Cluster: one instance against two behind HAProxy (`bench/cluster.md`, `npm run bench:cluster`)",
      "",
      `${cluster.date}; ${cluster.machine}; ${cluster.connections} signed-in connections for ${cluster.seconds} s each. Both instances share this machine's two cores with the client, the balancer, Postgres and the simulator: the ratio says what a second process and the balancer cost or gain here, not what a second machine would.`,
      "",
      "| instances | requests/s | p50 ms | p95 ms | errors | non-2xx |",
      "|---|---|---|---|---|---|",
      row(cluster.one),
      row(cluster.two),
      "",
      `Two against one: throughput × ${cluster.throughputRatio}, p95 × ${cluster.p95Ratio}.`,
      "",
    );
  }
  const throughput = readJson<Throughput>("throughput.json");
  if (throughput?.runs.length) {
    lines.push(
      "## Throughput per page (`bench/throughput.md`, `npm run bench:throughput`)",
      "",
      "Requests/s of each URL as a share of `/api/health`'s in the same run (10 connections, 15 s per URL, one signed-in dealer); the load average of the shared machine before each URL. Goals of issue 19: page without data ≥ 60 %, product ≥ 35 %, search ≥ 20 %, category ≥ 25 %.",
      "",
      `| run | ${throughput.runs[0]!.urls.map((item) => `\`${item.path}\``).join(" | ")} |`,
      `|---|${throughput.runs[0]!.urls.map(() => "---").join("|")}|`,
      ...throughput.runs.map(
        (run) =>
          `| ${run.label}, ${run.date.slice(0, 16)} | ${run.urls
            .map((item) => {
              const goal = THROUGHPUT_GOALS[item.name];
              const share = `${(item.ratioToHealth * 100).toFixed(1)} %`;
              return `${item.requestsPerSecond}/s, p95 ${ms(item.latency.p95)}, ${goal === undefined ? share : `${share} (${verdict(item.ratioToHealth >= goal)})`}, load ${item.loadAverage[0]}`;
            })
            .join(" | ")} |`,
      ),
      "",
      ...throughput.runs
        .filter((run) => run.reference)
        .map(
          (run) =>
            `${run.label}: the framework alone (bench/reference-app, same run) renders an empty page per request at ${run.reference!.emptyPage.requestsPerSecond}/s against its trivial route handler's ${run.reference!.routeHandler.requestsPerSecond}/s, **${(run.reference!.pageShare * 100).toFixed(1)} %**: no page rendered per request gets a larger share on this host (bench/issue-19-experiments.md).`,
        ),
      "",
    );
  }
  const lighthouse = readJson<Lighthouse>("lighthouse.json");
  const reference = lighthouse?.pages.cpu4x?.[LIGHTHOUSE_REFERENCE]?.median;
  const policyReference = lighthouse?.pages.cpu4x?.[LIGHTHOUSE_POLICY_REFERENCE]?.median;
  if (lighthouse && reference) {
    // Files written before the bench chose its median run as Lighthouse does hold no per-run TTI.
    const chosenAsLighthouse = Object.values(lighthouse.pages.cpu4x ?? {}).every((page) =>
      page.runs?.every((run) => typeof run.interactiveMs === "number"),
    );
    lines.push(
      "## Lighthouse, mobile at 4× CPU slowdown (`bench/lighthouse.md`, `npm run bench:lighthouse`)",
      "",
      `${lighthouse.environment.at}, the median run of ${lighthouse.environment.runsPerPage} per page (${chosenAsLighthouse ? "chosen as Lighthouse chooses it: closest to the median First Contentful Paint and Time to Interactive" : "the run with the median performance score"}), load average ${lighthouse.environment.loadAverage.join(" / ")} at the start. Goals of issue 19, against the empty Next.js page measured in the same run: performance within 0.05 of its score and Total Blocking Time at most 1.5× its own.`,
      "",
      "The last column compares with the same empty page sent with the portal's Cross-Origin-Opener-Policy (a new browser process when opened from about:blank); it is not the goal's reference, and is shown for what the header alone costs.",
      "",
      "| page | performance | TBT (median run) | TBT of each run | against the empty Next.js page | against it with the portal's opener policy |",
      "|---|---|---|---|---|---|",
      ...Object.entries(lighthouse.pages.cpu4x ?? {}).map(([name, page]) => {
        const score = page.median.scores.performance;
        const tbt = page.median.metrics.totalBlockingTimeMs;
        const compare = (base: LighthouseMedian | undefined) =>
          base
            ? `score ${(score - base.scores.performance).toFixed(2)} (${verdict(score >= base.scores.performance - 0.05)}), TBT × ${(tbt / base.metrics.totalBlockingTimeMs).toFixed(2)} (${verdict(tbt <= base.metrics.totalBlockingTimeMs * 1.5)})`
            : "–";
        const against = name === LIGHTHOUSE_REFERENCE ? "the reference" : compare(reference);
        const withPolicy = name === LIGHTHOUSE_POLICY_REFERENCE ? "the same page" : compare(policyReference);
        // Older files hold no per-run TBT.
        const each = page.runs?.every((run) => typeof run.totalBlockingTimeMs === "number")
          ? page.runs.map((run) => Math.round(run.totalBlockingTimeMs!)).join(", ")
          : "–";
        return `| ${name} (\`${page.path}\`) | ${score.toFixed(2)} | ${Math.round(tbt)} ms | ${each} | ${against} | ${withPolicy} |`;
      }),
      "",
    );
  }
  return lines.filter((line, index, all) => !(line === "" && all[index - 1] === "")).join("\n");
}

interface Throughput {
  runs: Array<{
    label: string;
    date: string;
    urls: Array<{ name: string; path: string; requestsPerSecond: number; ratioToHealth: number; latency: Distribution; loadAverage: number[] }>;
    reference?: { routeHandler: { requestsPerSecond: number }; emptyPage: { requestsPerSecond: number }; pageShare: number };
  }>;
}
/** A page's median Lighthouse run, as far as the summary reads it. */
interface LighthouseMedian {
  scores: { performance: number };
  metrics: { totalBlockingTimeMs: number };
}
interface Lighthouse {
  environment: { at: string; runsPerPage: number; loadAverage: number[] };
  pages: Record<
    string,
    Record<
      string,
      {
        path: string;
        median: LighthouseMedian;
        runs?: { totalBlockingTimeMs?: number | null; interactiveMs?: number | null }[];
      }
    >
  >;
}
const LIGHTHOUSE_REFERENCE = "reference: empty Next.js page";
const LIGHTHOUSE_POLICY_REFERENCE = "reference: empty page with the portal's opener policy";

const THROUGHPUT_GOALS: Record<string, number> = { offline: 0.6, product: 0.35, search: 0.2, category: 0.25 };

async function main(): Promise<void> {
  if (flag("summary-only")) {
    writeFileSync(path.join(BENCH, "results.md"), summary(null));
    console.log("Written bench/results.md");
    return;
  }
  const start = machine();
  console.log(`npm run bench — ${machineLine(start)}`);
  for (const step of STEPS) {
    console.log(`\n=== npm run ${step}`);
    await npmRun(step);
  }
  writeFileSync(path.join(BENCH, "results.md"), summary(start));
  console.log(`\n${summary(start)}\nWritten bench/results.md`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
