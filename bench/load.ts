/**
 * `npm run bench:load`: the production build under 50 concurrent signed-in sessions for 60 s.
 *
 * The simulator (100,000 products, own process, frozen clock) is the upstream; the database is the
 * synced mirror of `bench:catalog:queries` (reused, or synced here). The portal runs as it ships (the
 * standalone folder's `server.js`, scripts/build.mjs)
 * with the background sync off and the sign-in limits raised for the bench. Each session signs in
 * through next-auth (two dealer accounts, alternating) and gets one autocannon connection of its
 * own; every connection loops through a dealer's visit: a category page, three search suggestions
 * as a word is typed, a product page, an add-to-cart server action, another category page and
 * another product page. Throughput, latency (overall and per kind), errors (non-2xx, connection
 * errors, time-outs, failed cart actions), upstream calls and the portal's RSS go to
 * bench/load.json and bench/load.md.
 *
 * The goal of issue 19 is a multiple of the throughput of the code it measured (ab9b071), in the same
 * conditions: that commit's build (made once into bench/tmp) runs the same load in turns with this one,
 * and the report gives the ratio.
 *
 * Options: --duration=60 --sessions=50 --products=100000 --seed=bench; --against=<commit> (default
 * ab9b071; `none`: this build alone) --rounds=1; the build: --rebuild (also when older than the
 * sources), --no-build (never; by default only when there is none).
 */
import "./lib/dotenv";
import { readFileSync } from "node:fs";
import path from "node:path";

import autocannon, { type Request, type RequestContext, type Result } from "autocannon";

import { PRODUCT_SORTS } from "@/lib/catalogue/types";
import { openDatabase } from "@/lib/db/client";
import { cartLines } from "@/lib/db/schema";

import { readCorpus, suggestionQuery, titleWords, type Corpus } from "./lib/corpus";
import {
  buildLine,
  DEALER_ACCOUNTS,
  ensureBuild,
  pageScripts,
  rssMiB,
  signInSessions,
  standaloneDir,
  startPortal,
  timedGet,
  type BuildInfo,
} from "./lib/portal";
import { sharedCopiesBetween, sharedCopiesLine, sharedCopyCounts, type SharedCopyCounts } from "./lib/shared-copies";
import { startSimProcess } from "./lib/sim-process";
import { cpuBetween, cpuSnapshot, machineCeiling, referenceThroughputs, type CpuDuringRun } from "./lib/cpu";
import { runBench, writeBenchResult } from "./lib/result";
import {
  distribution,
  machine,
  machineLine,
  median,
  ms,
  pick,
  seededRandom,
  type Distribution,
  type Machine,
} from "./lib/stats";
import { bufferCache, syncedDatabase } from "./lib/synced-db";
import { countOption, numberOption, textOption } from "./lib/options";
import { LOAD_REFERENCE, referenceBuild } from "./lib/reference-build";
import { serverProcessEnv } from "../scripts/lib/config.mjs";

const DURATION = numberOption("duration", 60);
const SESSIONS = numberOption("sessions", 50);
const PRODUCTS = numberOption("products", 100_000);
const SEED = textOption("seed", "bench");
/**
 * A request may take the whole run: a time-out makes autocannon drop the connection and send again,
 * which only adds work the server already does for the abandoned request. What is still in flight
 * when the run ends is counted apart.
 */
const TIMEOUT_SECONDS = DURATION;
/**
 * How long the portal is left without requests after the run, its memory read every 5 s: V8 gives the
 * pages of a heap grown under load back only once the process has been idle a while (its memory reducer).
 */
const SETTLE_SECONDS = numberOption("settle", 90);
const SETTLE_STEP_SECONDS = 5;
/** " with NODE_OPTIONS `…`" when the run gave the portal Node options. */
const withNodeOptions = (r: { portalNodeOptions?: string; portalNodeArgs?: string[] }) =>
  (r.portalNodeOptions ? ` with NODE_OPTIONS \`${r.portalNodeOptions}\`` : "") +
  (r.portalNodeArgs?.length ? ` with the Node options \`${r.portalNodeArgs.join(" ")}\`` : "");
const NODE_OPTIONS = textOption("node-options");
/**
 * `--node-args="--cpu-prof --cpu-prof-dir=/tmp/prof"`: options on the portal's command line, for those
 * NODE_OPTIONS does not take (a CPU profile, written when the portal stops).
 */
const NODE_ARGS = textOption("node-args")?.split(/\s+/).filter(Boolean);
/** Cart changes pick from this many SKUs, so a cart stays the size of a real one (≤ 50 lines). */
const CART_POOL = 50;
/**
 * `--against=<commit>`: the build of that commit runs the same load in turns with this one (built once
 * into bench/tmp); by default the code issue 19 measured, whose throughput the goal is a multiple of.
 * `--against=none`: this build alone. `--rounds=2`: two runs of each, in turns.
 */
const AGAINST = textOption("against", LOAD_REFERENCE.commit);
const ROUNDS = countOption("rounds", 1);
type Kind = "category" | "suggest" | "product" | "cart";
const KINDS: Kind[] = ["category", "suggest", "product", "cart"];

/**
 * The id of `addToCartFromForm` (lib/cart/actions.ts) in the build's server reference manifest: the
 * action the product page's hydrated "Add to cart" form calls (components/cart/use-add-to-cart.ts).
 * An action posted to a page whose bundle does not have it is forwarded by Next to one that does,
 * a second request inside the portal: the scanner's `addToCart` posted to a product page cost twice
 * the main thread's time of this one, and no page sends that.
 */
function addToCartActionId(distDir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.filename === "lib/cart/actions.ts" && entry.exportedName === "addToCartFromForm",
  );
  if (!found) throw new Error("addToCartFromForm is not in the build's server-reference-manifest.json");
  return found[0];
}

const FORM_BOUNDARY = "----bench-load-boundary";

/**
 * The request the hydrated "Add to cart" form of a product page sends: a POST to the page with the
 * action's id, its arguments (the form's previous state, null, and its fields) encoded as React's
 * `encodeReply` does: a multipart form, the fields under `_1_` and the arguments in part `0`.
 */
function addToCartRequest(url: string, actionId: string, sku: string) {
  const part = (name: string, value: string) =>
    `--${FORM_BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  return {
    method: "POST",
    path: `/products/${encodeURIComponent(sku)}`,
    headers: {
      "Next-Action": actionId,
      "Content-Type": `multipart/form-data; boundary=${FORM_BOUNDARY}`,
      Accept: "text/x-component",
      Origin: url,
    },
    body: `${part("_1_sku", sku)}${part("_1_quantity", "1")}${part("0", '[null,"$K1"]')}--${FORM_BOUNDARY}--\r\n`,
  };
}

/** The header naming an answer made from a shared copy. */
const COPY_HEADER = "x-portal-document";

interface Recorder {
  samples: Record<Kind, number[]>;
  statuses: Record<Kind, Record<string, number>>;
  /** Answers made from a page's shared copy with the user's parts filled in (lib/http/personal-documents.ts). */
  fromCopy: Record<Kind, number>;
  cartOk: number;
  cartRefused: number;
}

/** The visit every connection loops through; times each response from when its request was built. */
function visit(
  seed: number,
  url: string,
  corpus: Corpus,
  actionId: string,
  cartPool: string[],
  recorder: Recorder,
): Request[] {
  const random = seededRandom(seed);
  const categoryPath = () => {
    const category = pick(random, corpus.categories);
    const base = `/catalogue/${category.pathCodes.map(encodeURIComponent).join("/")}`;
    if (random() < 0.7) return base;
    const params = new URLSearchParams({ sort: pick(random, PRODUCT_SORTS) });
    if (random() < 0.5) params.set("instock", "1");
    if (random() < 0.3) params.set("page", "2");
    return `${base}?${params}`;
  };
  const track = (kind: Kind, build: (context: RequestContext) => Request): Request => ({
    ...build({}),
    setupRequest: (request, context) => {
      const built = build(context);
      context.sentAt = performance.now();
      // The session's Cookie header comes in `request.headers`; keep it under the request's own.
      return { ...request, ...built, headers: { ...request.headers, ...built.headers } };
    },
    onResponse: (status, body, context, headers) => {
      const sentAt = typeof context.sentAt === "number" ? context.sentAt : performance.now();
      recorder.samples[kind].push(performance.now() - sentAt);
      recorder.statuses[kind][status] = (recorder.statuses[kind][status] ?? 0) + 1;
      if (Object.entries(headers).some(([name, value]) => name.toLowerCase() === COPY_HEADER && value === "composed")) {
        recorder.fromCopy[kind]++;
      }
      if (kind === "cart") {
        if (status === 200 && body.includes('"ok":true')) recorder.cartOk++;
        else recorder.cartRefused++;
      }
    },
  });
  const typing = (context: RequestContext, length: number) => {
    if (typeof context.word !== "string") {
      const words = titleWords(pick(random, corpus.titles).title, 5);
      context.word = words.length ? pick(random, words) : suggestionQuery(random, corpus);
    }
    const word = context.word as string;
    return { method: "GET", path: `/api/search/suggest?q=${encodeURIComponent(word.slice(0, length))}` };
  };
  const steps = [
    track("category", () => ({ method: "GET", path: categoryPath() })),
    track("suggest", (context) => typing(context, 3)),
    track("suggest", (context) => typing(context, 5)),
    track("suggest", (context) => typing(context, 8)),
    track("product", () => ({ method: "GET", path: `/products/${encodeURIComponent(pick(random, corpus.skus))}` })),
    track("cart", () => addToCartRequest(url, actionId, pick(random, cartPool))),
    track("category", () => ({ method: "GET", path: categoryPath() })),
    track("product", () => ({ method: "GET", path: `/products/${encodeURIComponent(pick(random, corpus.skus))}` })),
  ];
  // Each connection starts at another step of the visit, so the sessions do not all ask the same kind at once.
  const start = seed % steps.length;
  return [...steps.slice(start), ...steps.slice(0, start)];
}

/** One run in the comparison with the reference build. */
interface ReferenceRun {
  which: "reference" | "current";
  startedAt: string;
  throughputPerSecond: number;
  p50: number;
  p95: number;
  mainThreadMsPerRequest: number | null;
  settledRssMiB: number | null;
  /** Non-2xx answers, connection errors, time-outs and failed cart actions. */
  failures: number;
}

interface LoadResult {
  date: string;
  command: string;
  machine: Machine;
  /** Load average when the autocannon run itself started (after build, sync and sign-ins). */
  loadAverageAtRun: number[];
  products: number;
  seed: string;
  build: BuildInfo;
  database: { reused: boolean; syncedAt: string; bufferCache?: string };
  sessions: number;
  connections: number;
  durationSeconds: number;
  timeoutSeconds: number;
  mix: string;
  /** Requests answered within the run, and those sent but still unanswered when it ended. */
  requests: number;
  inFlightAtEnd: number;
  throughputPerSecond: number;
  /** Every response of every kind, timed in the client. */
  latency: Distribution;
  /** autocannon's own latency histogram, merged over the connections (it has p97.5, not p95). */
  autocannonLatency: { p50: number; p90: number; p97_5: number; p99: number; mean: number; max: number };
  byKind: Record<Kind, Distribution & { statuses: Record<string, number>; fromCopy?: number }>;
  errors: { non2xx: number; connectionErrors: number; timeouts: number; cartRefused: number };
  statusCodes: Record<string, number>;
  cartOk: number;
  upstreamCalls: number;
  upstreamRoutes: Record<string, number>;
  /** NODE_OPTIONS given to the portal (`--node-options=`), when any. */
  portalNodeOptions?: string;
  /** Options on the portal's command line (`--node-args=`), when any. */
  portalNodeArgs?: string[];
  /** The C allocator's setting the portal ran with (scripts/lib/config.mjs: as it ships, unless the bench's environment set one). */
  glibcTunables?: string;
  /** CPU spent during the run (absent in results written before it was measured). */
  cpu?: CpuDuringRun;
  /** The portal's shared copies during the run (`portal_shared_copies_total`), by page and event. */
  sharedCopies?: SharedCopyCounts;
  portalRssMiB: {
    beforeRun: number;
    afterRun: number;
    /** The highest of the samples taken every second during the run. */
    peakDuringRun?: number;
    /** After SETTLE_SECONDS without requests (V8 gives pages of a shrunken heap back when idle). */
    settled?: number;
    settleSeconds?: number;
    /** Every 5 s of that wait: seconds after the run and RSS. */
    settling?: Array<{ seconds: number; rssMiB: number }>;
    processes: Array<{ command: string; rssMiB: number }>;
  };
  /** The script files the HTML of a category page loads, to check bench:bundle's reading of the manifests. */
  categoryPageScripts: string[];
  /**
   * The same load on the build of an earlier commit, in turns with this build (the figures above are this
   * build's last run); `missing` when it could not be built here.
   */
  reference?:
    | {
        commit: string;
        fullCommit: string;
        buildId: string;
        built: boolean;
        buildSeconds: number | null;
        runs: ReferenceRun[];
        /** Median throughput of this build's runs over the reference's. */
        throughputRatio: number;
        goal: number;
      }
    | { missing: string };
}

const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Where the run's CPU went, per completed request, and the ceiling the portal's main thread sets. */
function cpuLine(cpu: CpuDuringRun, requests: number): string {
  const perRequest = (total: number) => `${(total / Math.max(1, requests)).toFixed(1)} ms`;
  const share = (value: number) => `${Math.round(value * 100)} %`;
  return [
    `CPU during the run (${cpu.seconds} s, from /proc), per completed request:`,
    `the portal's main thread ${perRequest(cpu.mainThreadMs)}, busy ${share(cpu.mainThreadBusyShare)} of the run`,
    `(one thread renders every page, so at that cost per request it cannot answer more than ${Math.round((1000 * requests) / Math.max(1, cpu.mainThreadMs))} requests/s);`,
    `its other threads ${perRequest(cpu.otherThreadsMs)} (the busiest ${perRequest(cpu.busiestOtherThreadMs)});`,
    `this bench's client ${perRequest(cpu.clientMs)};`,
    `the whole machine ${perRequest(cpu.machineBusyMs)}, busy ${share(cpu.machineBusyShare)} of its ${cpu.cores} cores.`,
  ].join(" ");
}

/** The comparison with the reference build, when the run had one. */
function referenceSection(r: LoadResult): string[] {
  const reference = r.reference;
  if (!reference) return [];
  if ("missing" in reference) return ["", `No run of the reference build: ${reference.missing}.`];
  const rows = reference.runs.map(
    (run) =>
      `| ${run.which === "reference" ? `\`${reference.commit}\` (the code issue ${LOAD_REFERENCE.issue} measured)` : "this build"} | ${run.startedAt} | ${run.throughputPerSecond.toFixed(1)} requests/s | ${ms(run.p50)} / ${ms(run.p95)} | ${run.mainThreadMsPerRequest === null ? "–" : `${run.mainThreadMsPerRequest.toFixed(1)} ms`} | ${run.settledRssMiB ?? "–"} MiB | ${run.failures} |`,
  );
  const met = reference.throughputRatio >= reference.goal;
  return [
    "",
    `## Beside the code issue ${LOAD_REFERENCE.issue} measured`,
    "",
    `The goal is a throughput of ${reference.goal}× that of the code issue ${LOAD_REFERENCE.issue} measured, in the same conditions: its build (\`${reference.commit}\`, build \`${reference.buildId}\`${reference.built ? `, built in this run in ${reference.buildSeconds} s` : ", built by an earlier run into bench/tmp"}) ran the same load on the same database, simulator and machine, in turns with this build (the reference first in each round). The figures above are this build's last run.`,
    "",
    "| build | started | throughput | p50 / p95 | main thread per request | RSS 90 s after | failures |",
    "|---|---|---|---|---|---|---|",
    ...rows,
    "",
    `Throughput of this build over the reference's (medians of their runs): **${reference.throughputRatio.toFixed(2)}×** (goal ≥ ${reference.goal}×: ${met ? "met" : "missed"}).`,
    ...(r.cpu ? ["", ceilingLine(r.cpu, r.requests, reference)] : []),
  ];
}

/**
 * The machine's ceiling at this build's cost per request, beside the goal: whether the goal is a
 * matter of using the cores better or needs every request to cost less.
 */
function ceilingLine(cpu: CpuDuringRun, requests: number, reference: { runs: ReferenceRun[]; goal: number }): string {
  const ceiling = machineCeiling(cpu, requests, referenceThroughputs(reference));
  return [
    `The machine's ceiling at this cost: this build's last run took ${ceiling.machineMsPerRequest.toFixed(1)} ms of the whole machine's CPU per completed request (every process: the portal, the simulator and this bench's client).`,
    `At that cost its ${ceiling.cores} cores, every one busy for the whole run, could answer at most ${ceiling.maxPerSecond.toFixed(0)} requests/s, **${ceiling.ceilingRatio.toFixed(2)}×** the reference's ${ceiling.referencePerSecond.toFixed(1)}.`,
    `${reference.goal}× (${ceiling.goalPerSecond.toFixed(0)} requests/s) needs at most ${ceiling.msPerRequestForGoal.toFixed(1)} ms of the whole machine per request.`,
  ].join(" ");
}

function markdown(r: LoadResult): string {
  const kinds = KINDS.map((kind) => {
    const d = r.byKind[kind];
    const fromCopy = d.fromCopy === undefined ? "–" : `${d.fromCopy.toLocaleString("en-GB")} (${Math.round((d.fromCopy / Math.max(1, d.n)) * 100)} %)`;
    return `| ${kind} | ${d.n.toLocaleString("en-GB")} | ${ms(d.p50)} | ${ms(d.p95)} | ${ms(d.p99)} | ${ms(d.max)} | ${fromCopy} | ${JSON.stringify(d.statuses)} |`;
  });
  return [
    "# Load test",
    "",
    `${r.date}, \`${r.command}\`. ${machineLine(r.machine)}. Load average when the ${r.durationSeconds} s run started: ${r.loadAverageAtRun.join(" / ")}.`,
    "",
    `Production build \`${r.build.buildId}\` (${buildLine(r.build)}) run as it ships (the standalone folder's \`server.js\`, \`GLIBC_TUNABLES=${r.glibcTunables ?? "unset"}\`)${withNodeOptions(r)}, background sync off; simulator at ${r.products.toLocaleString("en-GB")} products (seed \`${r.seed}\`) as the upstream; the mirror from a complete full sync (${r.database.reused ? `reused, synced ${r.database.syncedAt}` : "synced in this run"}), buffer cache \`shared_buffers\` ${r.database.bufferCache ?? "not read"}. Carts emptied before the run.`,
    "",
    `${r.sessions} sessions signed in through next-auth (dealer@acme.example and warehouse@acme.example, two users of one customer, alternating; sign-in limits raised by env for the bench), one autocannon connection each (${r.connections} concurrent, no think time, each connection starting at another step of the visit; time-out ${r.timeoutSeconds} s, the length of the run, so a slow answer is measured rather than abandoned and sent again). The client runs on the same 2 cores as the portal and the simulator. ${r.mix}`,
    "",
    "| figure | value |",
    "|---|---|",
    `| requests completed / still in flight at the end | ${r.requests.toLocaleString("en-GB")} / ${r.inFlightAtEnd} |`,
    `| throughput | ${r.throughputPerSecond.toFixed(1)} requests/s |`,
    `| latency p50 / p95 / p99, every completed response | ${ms(r.latency.p50)} / ${ms(r.latency.p95)} / ${ms(r.latency.p99)} (max ${ms(r.latency.max)}) |`,
    `| autocannon's histogram p50 / p97.5 / p99 | ${ms(r.autocannonLatency.p50)} / ${ms(r.autocannonLatency.p97_5)} / ${ms(r.autocannonLatency.p99)} |`,
    `| non-2xx responses | ${r.errors.non2xx} |`,
    `| connection errors / time-outs | ${r.errors.connectionErrors} / ${r.errors.timeouts} |`,
    `| cart actions answered ok / refused or failed | ${r.cartOk} / ${r.errors.cartRefused} |`,
    `| status codes | ${JSON.stringify(r.statusCodes)} |`,
    `| upstream calls during the run | ${r.upstreamCalls} ${r.upstreamCalls ? JSON.stringify(r.upstreamRoutes) : ""} |`,
    `| portal RSS before / after the run | ${r.portalRssMiB.beforeRun} MiB / ${r.portalRssMiB.afterRun} MiB |`,
    ...(r.portalRssMiB.peakDuringRun !== undefined
      ? [
          `| portal RSS peak during the run (sampled each second) | ${r.portalRssMiB.peakDuringRun} MiB |`,
          `| portal RSS ${r.portalRssMiB.settleSeconds} s after the run, no requests | ${r.portalRssMiB.settled} MiB |`,
          ...(r.portalRssMiB.settling?.length
            ? [
                `| portal RSS after the run, no requests (s: MiB) | ${r.portalRssMiB.settling
                  .filter((sample) => sample.seconds % 15 === 0)
                  .map((sample) => `${sample.seconds}: ${sample.rssMiB}`)
                  .join(", ")} |`,
              ]
            : []),
        ]
      : []),
    ...(r.cpu ? ["", cpuLine(r.cpu, r.requests)] : []),
    ...referenceSection(r),
    "",
    "Latency by kind of request (timed in the client from when autocannon built the request to the end of the response), and how many of its answers were made from a page's shared copy with the user's parts filled in (the `x-portal-document` header; the rest were rendered for the request):",
    "",
    "| kind | n | p50 | p95 | p99 | max | from a shared copy | statuses |",
    "|---|---|---|---|---|---|---|---|",
    ...kinds,
    ...(r.sharedCopies
      ? [
          "",
          `Shared copies during the run (the portal's \`portal_shared_copies_total\`; a copy is rendered beside a request, so each one rendered is a page rendered twice): ${sharedCopiesLine(r.sharedCopies)}.`,
        ]
      : []),
    "",
  ].join("\n");
}

/** What the runs share: the simulator, the synced mirror, the corpus the visits pick from. */
interface Setup {
  sim: Awaited<ReturnType<typeof startSimProcess>>;
  dataDir: string;
  corpus: Corpus;
  cartPool: string[];
}

/** The figures of one run of one build. */
type RunFigures = Omit<
  LoadResult,
  | "date"
  | "command"
  | "machine"
  | "products"
  | "seed"
  | "build"
  | "database"
  | "sessions"
  | "connections"
  | "durationSeconds"
  | "timeoutSeconds"
  | "mix"
  | "portalNodeOptions"
  | "portalNodeArgs"
  | "glibcTunables"
  | "reference"
>;

/** One run: the build in `distDir` started as it ships, its sessions signed in, the visits for DURATION s. */
async function measure(setup: Setup, distDir: string): Promise<RunFigures> {
  const { sim, corpus, cartPool } = setup;
  const actionId = addToCartActionId(distDir);
  // Every run starts from empty carts.
  const handle = await openDatabase({ dataDir: setup.dataDir });
  try {
    await handle.db.delete(cartLines);
  } finally {
    await handle.close();
  }
  const portal = await startPortal({
    upstreamUrl: sim.url,
    dataDir: setup.dataDir,
    standalone: standaloneDir(distDir),
    env: {
      SIGN_IN_ATTEMPTS_PER_ADDRESS: "100000",
      SIGN_IN_ATTEMPTS_PER_ACCOUNT: "100000",
      // `--node-options="--max-old-space-size=256"`: the portal's Node options, for experiments.
      ...(NODE_OPTIONS ? { NODE_OPTIONS } : {}),
    },
    nodeArgs: NODE_ARGS,
  });
  try {
    const cookies = await signInSessions(portal.url, SESSIONS);
    // Warm-up, not measured: each kind of request once per account, and a check that each works.
    const check = async (what: string, response: Promise<Response> | Promise<{ status: number }>) => {
      const { status } = await response;
      if (status !== 200) throw new Error(`${what} answered ${status}:\n${portal.output().slice(-20).join("\n")}`);
    };
    let categoryPageScripts: string[] = [];
    for (const cookie of cookies.slice(0, DEALER_ACCOUNTS.length)) {
      const category = corpus.categories[0]!;
      const page = await timedGet(`${portal.url}/catalogue/${category.pathCodes.join("/")}`, cookie);
      await check("category page", Promise.resolve(page));
      categoryPageScripts = pageScripts(page.body);
      await check("suggestions", timedGet(`${portal.url}/api/search/suggest?q=kook`, cookie));
      await check("product page", timedGet(`${portal.url}/products/${cartPool[0]}`, cookie));
      const add = addToCartRequest(portal.url, actionId, cartPool[0]!);
      const action = await fetch(`${portal.url}${add.path}`, {
        method: add.method,
        headers: { ...add.headers, Cookie: cookie },
        body: add.body,
      });
      const body = await action.text();
      if (action.status !== 200 || !body.includes('"ok":true')) {
        throw new Error(`the addToCartFromForm action answered ${action.status}: ${body.slice(0, 300)}`);
      }
    }

    await sim.control("POST", "stats/reset");
    const rssBefore = rssMiB(portal.memory());
    const loadAverageAtRun = machine().loadAverage;
    const recorder: Recorder = {
      samples: { category: [], suggest: [], product: [], cart: [] },
      statuses: { category: {}, suggest: {}, product: {}, cart: {} },
      fromCopy: { category: 0, suggest: 0, product: 0, cart: 0 },
      cartOk: 0,
      cartRefused: 0,
    };
    console.log(`  ${SESSIONS} connections for ${DURATION} s…`);
    let peakRss = rssBefore;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, rssMiB(portal.memory()));
    }, 1_000);
    const runs = cookies.map((cookie, index) =>
      autocannon({
        url: portal.url,
        title: `session ${index + 1}`,
        connections: 1,
        duration: DURATION,
        timeout: TIMEOUT_SECONDS,
        headers: { Cookie: cookie },
        requests: visit(1_000 + index, portal.url, corpus, actionId, cartPool, recorder),
        skipAggregateResult: true,
      }),
    );
    const copiesBefore = await sharedCopyCounts(portal.url);
    const cpuBefore = cpuSnapshot(portal.pid);
    const stop = () => runs.forEach((run) => run.stop());
    process.once("SIGINT", stop);
    const raw: Result[] = await Promise.all(runs);
    const cpu = cpuBetween(portal.pid, cpuBefore, cpuSnapshot(portal.pid));
    const sharedCopies = sharedCopiesBetween(copiesBefore, await sharedCopyCounts(portal.url));
    process.removeListener("SIGINT", stop);
    const aggregated = autocannon.aggregateResult(raw, { url: portal.url, connections: SESSIONS });
    clearInterval(sampler);
    const memoryAfter = portal.memory();
    peakRss = Math.max(peakRss, rssMiB(memoryAfter));
    const stats = await sim.stats();
    const settling: Array<{ seconds: number; rssMiB: number }> = [];
    for (let seconds = SETTLE_STEP_SECONDS; seconds <= SETTLE_SECONDS; seconds += SETTLE_STEP_SECONDS) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_STEP_SECONDS * 1_000));
      settling.push({ seconds, rssMiB: rssMiB(portal.memory()) });
    }
    const settledRss = settling.at(-1)?.rssMiB ?? rssMiB(portal.memory());

    const statusCodes = Object.fromEntries(
      Object.entries(aggregated.statusCodeStats).map(([code, value]) => [code, value.count]),
    );
    const seconds = Math.max(...raw.map((run) => run.duration)) || DURATION;
    const completed = raw.reduce((total, run) => total + run.totalCompletedRequests, 0);
    const sent = raw.reduce((total, run) => total + run.totalRequests, 0);
    return {
      loadAverageAtRun,
      requests: completed,
      inFlightAtEnd: Math.max(0, sent - completed),
      throughputPerSecond: completed / seconds,
      latency: distribution(KINDS.flatMap((kind) => recorder.samples[kind])),
      autocannonLatency: {
        p50: aggregated.latency.p50,
        p90: aggregated.latency.p90,
        p97_5: aggregated.latency.p97_5,
        p99: aggregated.latency.p99,
        mean: aggregated.latency.mean,
        max: aggregated.latency.max,
      },
      byKind: Object.fromEntries(
        KINDS.map((kind) => [
          kind,
          { ...distribution(recorder.samples[kind]), statuses: recorder.statuses[kind], fromCopy: recorder.fromCopy[kind] },
        ]),
      ) as LoadResult["byKind"],
      errors: {
        non2xx: aggregated.non2xx,
        connectionErrors: aggregated.errors,
        timeouts: aggregated.timeouts,
        cartRefused: recorder.cartRefused,
      },
      statusCodes,
      cartOk: recorder.cartOk,
      upstreamCalls: stats.total,
      upstreamRoutes: stats.routes,
      categoryPageScripts,
      cpu,
      sharedCopies,
      portalRssMiB: {
        beforeRun: rssBefore,
        afterRun: rssMiB(memoryAfter),
        peakDuringRun: peakRss,
        settled: settledRss,
        settleSeconds: SETTLE_SECONDS,
        settling,
        processes: memoryAfter.map((process) => ({ command: process.command, rssMiB: mib(process.rssBytes) })),
      },
    };
  } finally {
    await portal.stop();
  }
}

/** The short line of one run in the comparison with the reference. */
function runSummary(which: "reference" | "current", startedAt: string, run: RunFigures): ReferenceRun {
  return {
    which,
    startedAt,
    throughputPerSecond: run.throughputPerSecond,
    p50: run.latency.p50,
    p95: run.latency.p95,
    mainThreadMsPerRequest: run.cpu ? run.cpu.mainThreadMs / Math.max(1, run.requests) : null,
    settledRssMiB: run.portalRssMiB.settled ?? null,
    failures: run.errors.non2xx + run.errors.connectionErrors + run.errors.timeouts + run.errors.cartRefused,
  };
}

async function main(): Promise<void> {
  const started = machine();
  console.log(`load test — ${machineLine(started)}`);
  const build = await ensureBuild();
  // The code the goal is a multiple of, built once (bench/tmp); `--against=none` runs this build alone.
  const reference = AGAINST === "none" ? null : referenceBuild(AGAINST);
  if (reference && "missing" in reference) console.log(`  no reference run: ${reference.missing}`);
  const sim = await startSimProcess({ products: PRODUCTS, seed: SEED });
  let result: LoadResult;
  try {
    const synced = await syncedDatabase(sim, { products: PRODUCTS, seed: SEED });
    const handle = await openDatabase({ dataDir: synced.dataDir });
    let corpus: Corpus;
    let buffers: string;
    try {
      corpus = await readCorpus(handle.db);
      buffers = await bufferCache(handle.db);
      console.log(`  shared_buffers ${buffers}`);
    } finally {
      await handle.close();
    }
    const cartRandom = seededRandom(99);
    const cartPool = Array.from({ length: CART_POOL }, () => pick(cartRandom, corpus.orderable));
    const setup: Setup = { sim, dataDir: synced.dataDir, corpus, cartPool };

    // In turns, the reference first in each round: the host's speed drifts within minutes.
    const runs: ReferenceRun[] = [];
    let current: RunFigures | undefined;
    for (let round = 1; round <= (reference && !("missing" in reference) ? ROUNDS : 1); round++) {
      if (reference && !("missing" in reference)) {
        console.log(`  round ${round}: ${reference.commit} (the code issue ${LOAD_REFERENCE.issue} measured)`);
        const at = new Date().toISOString();
        runs.push(runSummary("reference", at, await measure(setup, reference.distDir)));
      }
      console.log(`  round ${round}: this build`);
      const at = new Date().toISOString();
      current = await measure(setup, build.distDir);
      runs.push(runSummary("current", at, current));
    }
    const comparison =
      reference && !("missing" in reference)
        ? {
            commit: reference.commit,
            fullCommit: reference.fullCommit,
            buildId: reference.buildId,
            built: reference.built,
            buildSeconds: reference.buildSeconds,
            runs,
            throughputRatio: ratioOfMedians(runs, (run) => run.throughputPerSecond),
            goal: LOAD_REFERENCE.throughputGoal,
          }
        : reference
          ? { missing: reference.missing }
          : undefined;
    result = {
      date: new Date().toISOString(),
      command: "npm run bench:load",
      machine: started,
      products: PRODUCTS,
      seed: SEED,
      build,
      database: { reused: synced.reused, syncedAt: synced.meta.syncedAt, bufferCache: buffers },
      sessions: SESSIONS,
      connections: SESSIONS,
      durationSeconds: DURATION,
      timeoutSeconds: TIMEOUT_SECONDS,
      mix: "Each visit: 2 category pages (70 % first page by relevance, 30 % with a sort, the in-stock filter or page 2), 3 suggestion requests (3, 5 and 8 letters of a title word), 2 product pages (any SKU of the catalogue), 1 add-to-cart server action (POST to a product page as its hydrated form sends it: the `Next-Action` id of `addToCartFromForm` from the build's server-reference-manifest.json, the form's fields encoded as React does; one of 50 orderable SKUs).",
      portalNodeOptions: NODE_OPTIONS,
      portalNodeArgs: NODE_ARGS,
      glibcTunables: process.env.GLIBC_TUNABLES ?? serverProcessEnv().GLIBC_TUNABLES,
      ...current!,
      reference: comparison,
    };
  } finally {
    await sim.stop();
  }
  writeBenchResult("load", result, markdown(result));
}

/** This build's median throughput over the reference's (the runs of each kind, in turns). */
function ratioOfMedians(runs: ReferenceRun[], figure: (run: ReferenceRun) => number): number {
  const of = (which: ReferenceRun["which"]) => median(runs.filter((run) => run.which === which).map(figure));
  return of("current") / of("reference");
}

runBench(main);
