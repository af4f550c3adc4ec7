/**
 * `npm run bench:memory`: what the portal keeps after serving pages, from a cold start under traffic.
 *
 * The production build as it ships (the standalone folder's `server.js`), the simulator at 100,000
 * products as the upstream and the synced mirror of the other benches (reused, or synced here). Unlike
 * `bench:load`, nothing warms the portal up: 50 signed-in sessions ask for product and category pages
 * from the first page on, as after a restart while dealers are working. That is when a long-lived
 * object made during a request (a module loaded for it) can keep that request, and whatever the request
 * keeps, alive.
 *
 * The portal runs with V8's `--trace-gc --trace-gc-ignore-scavenger`: each full collection prints the
 * heap's size after it, so the bench reads how much of the main thread's heap is alive (not garbage
 * yet to be collected) before the pages, right after them and once the portal has been idle a while.
 * Its RSS is read at the same moments. Written to bench/memory.json and bench/memory.md.
 *
 * Options: --pages=3000 --sessions=50 --settle=90 --products=100000 --seed=bench; the build:
 * --rebuild, --no-build (as for bench:load); NEXT_DIST_DIR picks another build.
 */
import "./lib/dotenv";

import { openDatabase } from "@/lib/db/client";

import { readCorpus } from "./lib/corpus";
import { numberOption, textOption } from "./lib/options";
import {
  buildLine,
  ensureBuild,
  rssMiB,
  signInSessions,
  startPortal,
  timedGet,
  type BuildInfo,
} from "./lib/portal";
import { startSimProcess } from "./lib/sim-process";
import { runBench, writeBenchResult } from "./lib/result";
import { machine, machineLine, pick, seededRandom, type Machine } from "./lib/stats";
import { syncedDatabase } from "./lib/synced-db";

const PAGES = numberOption("pages", 3_000);
const SESSIONS = numberOption("sessions", 50);
const SETTLE_SECONDS = numberOption("settle", 90);
const PRODUCTS = numberOption("products", 100_000);
const SEED = textOption("seed", "bench");

/** One full collection as `--trace-gc` prints it: which heap (the isolate's address), and its size after. */
interface FullCollection {
  isolate: string;
  afterMB: number;
}

/** `[pid:0xADDR]   1234 ms: Mark-Compact (reduce) 418.1 (591.8) -> 417.9 (562.8) MB, …` */
function fullCollection(line: string): FullCollection | null {
  const match = /^\[\d+:(0x[0-9a-f]+)\]\s+\d+ ms: Mark-Compact[^>]*-> ([\d.]+) \(/.exec(line);
  return match ? { isolate: match[1]!, afterMB: Number(match[2]) } : null;
}

interface MemoryResult {
  date: string;
  command: string;
  machine: Machine;
  build: BuildInfo;
  products: number;
  seed: string;
  sessions: number;
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  statuses: Record<string, number>;
  rssMiB: { beforePages: number; afterPages: number; settled: number; settleSeconds: number };
  /** The main thread's heap after its last full collection, at each moment (null: none yet). */
  liveHeapMB: { beforePages: number | null; afterPages: number | null; settled: number | null };
  fullCollections: number;
}

const mb = (value: number | null) => (value === null ? "none yet" : `${value.toFixed(1)} MB`);

function markdown(r: MemoryResult): string {
  return [
    "# Memory after pages from a cold start",
    "",
    `${r.date}, \`${r.command}\`. ${machineLine(r.machine)}.`,
    "",
    `Production build \`${r.build.buildId}\` (${buildLine(r.build)}) run as it ships, with V8's \`--trace-gc --trace-gc-ignore-scavenger\` to read the heap after each full collection; background sync off; simulator at ${r.products.toLocaleString("en-GB")} products (seed \`${r.seed}\`) as the upstream, the mirror from a complete full sync. No warm-up: ${r.sessions} sessions (two dealer accounts, alternating) signed in, then ${r.pages.toLocaleString("en-GB")} pages asked for by ${r.sessions} connections at once from the first page on, half product pages (any orderable SKU), half category pages (each category in turn).`,
    "",
    "| figure | value |",
    "|---|---|",
    `| pages served, time, rate | ${r.pages.toLocaleString("en-GB")} in ${r.seconds.toFixed(1)} s, ${r.pagesPerSecond.toFixed(1)} pages/s |`,
    `| statuses | ${JSON.stringify(r.statuses)} |`,
    `| main thread's heap alive after a full collection: before the pages / right after / ${r.rssMiB.settleSeconds} s later | ${mb(r.liveHeapMB.beforePages)} / ${mb(r.liveHeapMB.afterPages)} / ${mb(r.liveHeapMB.settled)} |`,
    `| portal RSS before the pages / right after / ${r.rssMiB.settleSeconds} s later | ${r.rssMiB.beforePages} MiB / ${r.rssMiB.afterPages} MiB / ${r.rssMiB.settled} MiB |`,
    `| full collections of the main thread seen | ${r.fullCollections} |`,
    "",
    "The heap after a full collection is what is still reachable: it grows with the pages served only when something keeps them.",
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const started = machine();
  console.log(`memory after pages — ${machineLine(started)}`);
  const build = await ensureBuild();
  const sim = await startSimProcess({ products: PRODUCTS, seed: SEED });
  let result: MemoryResult;
  try {
    const synced = await syncedDatabase(sim, { products: PRODUCTS, seed: SEED });
    const handle = await openDatabase({ dataDir: synced.dataDir });
    const corpus = await readCorpus(handle.db).finally(() => handle.close());

    // The main thread's heap is the largest one tracing prints (PGlite's worker has its own, far smaller).
    const largest = new Map<string, number>();
    let mainHeap: { isolate: string; afterMB: number } | null = null;
    let collections = 0;
    const heapNow = () => {
      if (!largest.size) return null;
      const main = [...largest].sort((a, b) => b[1] - a[1])[0]![0];
      return mainHeap?.isolate === main ? mainHeap.afterMB : null;
    };
    const portal = await startPortal({
      upstreamUrl: sim.url,
      dataDir: synced.dataDir,
      env: { SIGN_IN_ATTEMPTS_PER_ADDRESS: "100000", SIGN_IN_ATTEMPTS_PER_ACCOUNT: "100000" },
      nodeArgs: ["--trace-gc", "--trace-gc-ignore-scavenger"],
      onLine: (line) => {
        const collection = fullCollection(line);
        if (!collection) return;
        largest.set(collection.isolate, Math.max(largest.get(collection.isolate) ?? 0, collection.afterMB));
        const main = [...largest].sort((a, b) => b[1] - a[1])[0]![0];
        if (collection.isolate === main) {
          mainHeap = collection;
          collections++;
        }
      },
    });
    try {
      const cookies = await signInSessions(portal.url, SESSIONS);
      const rssBefore = rssMiB(portal.memory());
      const heapBefore = heapNow();
      const random = seededRandom(7);
      const statuses: Record<string, number> = {};
      let next = 0;
      const session = async (cookie: string) => {
        while (next < PAGES) {
          const index = next++;
          const url =
            index % 2 === 0
              ? `${portal.url}/products/${encodeURIComponent(pick(random, corpus.orderable))}`
              : `${portal.url}/catalogue/${corpus.categories[(index >> 1) % corpus.categories.length]!.pathCodes.join("/")}`;
          const { status } = await timedGet(url, cookie);
          statuses[status] = (statuses[status] ?? 0) + 1;
        }
      };
      console.log(`  ${PAGES} pages by ${SESSIONS} connections…`);
      const t0 = performance.now();
      await Promise.all(cookies.map(session));
      const seconds = (performance.now() - t0) / 1000;
      const rssAfter = rssMiB(portal.memory());
      const heapAfter = heapNow();
      console.log(`  waiting ${SETTLE_SECONDS} s without requests…`);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_SECONDS * 1000));
      result = {
        date: new Date().toISOString(),
        command: ["npm run bench:memory", ...process.argv.slice(2)].join(" "),
        machine: started,
        build,
        products: PRODUCTS,
        seed: SEED,
        sessions: SESSIONS,
        pages: PAGES,
        seconds,
        pagesPerSecond: PAGES / seconds,
        statuses,
        rssMiB: { beforePages: rssBefore, afterPages: rssAfter, settled: rssMiB(portal.memory()), settleSeconds: SETTLE_SECONDS },
        liveHeapMB: { beforePages: heapBefore, afterPages: heapAfter, settled: heapNow() },
        fullCollections: collections,
      };
    } finally {
      await portal.stop();
    }
  } finally {
    await sim.stop();
  }
  writeBenchResult("memory", result, markdown(result));
}

runBench(main);
