/**
 * `npm run bench:lighthouse`: Lighthouse 12.8 in its mobile mode (simulated slow 4G and a 4× slower CPU)
 * on the catalogue, product, cart and orders pages of a signed-in dealer, against a production build
 * with the simulator, in Debian's Chromium (or CHROME_PATH).
 *
 * Starts the simulator and the portal on free ports with a database of their own (bench/tmp), waits for
 * the first catalogue sync, signs in through the sign-in page (Playwright), puts a product in the cart,
 * and hands the session cookie to Lighthouse as a Cookie header. Each page is measured `--runs` times
 * (default 3), in rounds of every page once; the median run counts, chosen as Lighthouse chooses it
 * (`computeMedianRun`: the run closest to the median First Contentful Paint and Time to Interactive).
 *
 * Three reference rows show what the framework alone costs on the host: the portal's own smallest page
 * (/offline), an empty Next.js app router page (bench/reference-app, built and started beside the portal;
 * the goals' reference), and the same empty page sent with the portal's Cross-Origin-Opener-Policy.
 *
 * Options: --runs=3 --products=1500 --cpu-slowdown=4 (or a list: 4,2), --no-build (use the build in
 * NEXT_DIST_DIR, .next-run-lighthouse by default, as it is). Figures go to bench/lighthouse.json and bench/lighthouse.md.
 */
import "./lib/dotenv";
import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { type Browser, chromium } from "@playwright/test";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";

import { CHROMIUM_ARGS, DEBIAN_CHROMIUM } from "../scripts/lib/chromium.mjs";

import { buildLine, buildPolicy, ensureBuild, freePort, standaloneDir } from "./lib/portal";
import { startReferenceApp } from "./lib/reference-app";
import { countOption, textOption } from "./lib/options";
import { machine } from "./lib/stats";
import { runBench, writeBenchResult } from "./lib/result";

const RUNS = countOption("runs", 3);
/**
 * CPU slowdowns to measure with, comma-separated. Lighthouse's default is 4 (a fast desktop made into a
 * mid-tier phone); its throttling guide suggests 2 (1-5) on a low-end desktop host. The benchmark index of
 * each run is recorded so the figures can be read against the host's speed.
 */
const SLOWDOWNS = textOption("cpu-slowdown", "4")
  .split(",")
  .map(Number);
if (SLOWDOWNS.some((value) => !(value > 0))) throw new Error("--cpu-slowdown must be positive numbers, e.g. 4 or 4,2");
const PRODUCTS = countOption("products", 1500);
const CHROME = process.env.CHROME_PATH ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);
const CHROME_FLAGS = ["--headless=new", ...CHROMIUM_ARGS, "--disable-dev-shm-usage"];
const DEALER = { email: "dealer@acme.example", password: "demo1234" };
const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-run-lighthouse";
const TMP = path.join(process.cwd(), "bench", "tmp", "lighthouse");

type Category = (typeof CATEGORIES)[number];

interface PageRun {
  scores: Record<Category, number>;
  /** Lighthouse's measure of the host's speed during the run (a fast desktop: 1500-2000). */
  benchmarkIndex: number | null;
  metrics: Record<string, number | null>;
  /** Audits that cost points: id, score and title. */
  shortfalls: { id: string; score: number | null; title: string; category: Category }[];
  /** Where the main thread's time went (Lighthouse's "Minimize main-thread work", ms, throttled), largest first. */
  mainThread: { group: string; ms: number }[];
  /** Why Lighthouse's first attempt at this run failed and it was measured again (its error's code), or null. */
  measuredAgain: string | null;
}

const children: ChildProcess[] = [];

function start(name: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  child.stderr?.on("data", (chunk: Buffer) => {
    const text = chunk.toString().trim();
    if (text) console.error(`[${name}] ${text}`);
  });
  children.push(child);
  return child;
}

function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
}

/** A Chromium for the bench's own visits (not Lighthouse's), closed when `visit` is done. */
async function withChromium<T>(visit: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_FLAGS.slice(1) });
  try {
    return await visit(browser);
  } finally {
    await browser.close();
  }
}

/** Signs in as the dealer, fills the cart with one product and finds a product page; returns the cookies. */
async function prepare(portal: string): Promise<{ cookie: string; productPath: string }> {
  return withChromium(async (browser) => {
    const page = await browser.newPage({ baseURL: portal, locale: "en-GB" });
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(DEALER.email);
    await page.getByLabel("Password").fill(DEALER.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("heading", { name: /^Welcome/ }).waitFor();
    await page.goto("/catalogue");
    await page.locator("main ul").first().getByRole("link").first().click();
    const card = page
      .getByRole("article")
      .filter({ has: page.getByRole("button", { name: /^Add to cart:/ }) })
      .first();
    const productPath = await card.getByRole("link").first().getAttribute("href");
    if (!productPath) throw new Error("no product link in the first category");
    await card.getByRole("button", { name: /^Add to cart:/ }).click();
    await card.getByRole("status").filter({ hasText: "Added" }).waitFor();
    const cookies = await page.context().cookies(portal);
    return { cookie: cookies.map((item) => `${item.name}=${item.value}`).join("; "), productPath };
  });
}

/**
 * Opens each page once as a phone of Lighthouse's mobile mode does (412 px at 1.75 device pixels), so that
 * the server's caches are warm as on a running portal: compiled routes, database pages, and next/image's
 * resized pictures at the widths the phone asks for. Otherwise the first measured run of a page pays for
 * resizing its pictures on the same two cores the browser runs on.
 */
async function warm(portal: string, cookie: string, paths: string[]) {
  await withChromium(async (browser) => {
    const context = await browser.newContext({
      baseURL: portal,
      viewport: { width: 412, height: 823 },
      deviceScaleFactor: 1.75,
      isMobile: true,
      hasTouch: true,
      extraHTTPHeaders: { Cookie: cookie },
      serviceWorkers: "block",
    });
    const page = await context.newPage();
    for (const pagePath of paths) await page.goto(pagePath, { waitUntil: "networkidle" });
  });
}

/** The parts of Lighthouse's result (LHR) read here. */
interface Lhr {
  finalDisplayedUrl: string;
  environment?: { benchmarkIndex?: number };
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<
    string,
    | {
        score: number | null;
        title: string;
        numericValue?: number;
        details?: { items?: { groupLabel?: string; duration?: number }[] };
      }
    | undefined
  >;
}

/** Lighthouse's CLI; its JSON report. A failure says what Lighthouse said, without the session cookie of the command line. */
async function lighthouse(url: string, cookie: string, slowdown: number): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        "node_modules/lighthouse/cli/index.js",
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        `--only-categories=${CATEGORIES.join(",")}`,
        `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
        `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
        `--throttling.cpuSlowdownMultiplier=${slowdown}`,
      ],
      { env: { ...process.env, CHROME_PATH: CHROME }, maxBuffer: 256 * 1024 * 1024 },
    );
    return stdout;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(message.replaceAll(cookie, "<session cookie>"));
  }
}

/**
 * One Lighthouse run through its own CLI in plain Node (tsx would rewrite the functions Lighthouse
 * sends into the page), with a fresh Chromium from CHROME_PATH each time.
 */
async function measure(url: string, cookie: string, slowdown: number): Promise<PageRun> {
  const stdout = await lighthouse(url, cookie, slowdown);
  const lhr = JSON.parse(stdout) as Lhr;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) {
    throw new Error(`${url} ended at ${lhr.finalDisplayedUrl}: not signed in?`);
  }
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, lhr.categories[id]?.score ?? 0])) as Record<
    Category,
    number
  >;
  const metric = (id: string) => {
    const value = lhr.audits[id]?.numericValue;
    return typeof value === "number" ? Math.round(value * 1000) / 1000 : null;
  };
  const shortfalls = CATEGORIES.flatMap((category) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
      .filter(({ audit }) => audit && audit.score !== null && audit.score < 0.9)
      .map(({ ref, audit }) => ({ id: ref.id, score: audit!.score, title: audit!.title, category })),
  );
  return {
    scores,
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
    metrics: {
      firstContentfulPaintMs: metric("first-contentful-paint"),
      largestContentfulPaintMs: metric("largest-contentful-paint"),
      totalBlockingTimeMs: metric("total-blocking-time"),
      interactiveMs: metric("interactive"),
      cumulativeLayoutShift: metric("cumulative-layout-shift"),
      speedIndexMs: metric("speed-index"),
    },
    shortfalls,
    mainThread: (lhr.audits["mainthread-work-breakdown"]?.details?.items ?? [])
      .filter((item) => item.groupLabel && typeof item.duration === "number")
      .map((item) => ({ group: item.groupLabel!, ms: Math.round(item.duration!) }))
      .sort((a, b) => b.ms - a.ms),
    measuredAgain: null,
  };
}

/** Lighthouse now and then loses its trace (NO_NAVSTART) and asks to be run again: once more, then give up. */
async function measureWithRetry(url: string, cookie: string, slowdown: number): Promise<PageRun> {
  try {
    return await measure(url, cookie, slowdown);
  } catch (error) {
    const lost = error instanceof Error ? /NO_NAVSTART|NO_FCP|run Lighthouse again/i.exec(error.message) : null;
    if (!lost) throw error;
    console.error(`${url}: ${lost[0]}; measuring again`);
    return { ...(await measure(url, cookie, slowdown)), measuredAgain: lost[0] };
  }
}

/**
 * The run that stands for the page: Lighthouse's own median run (what its `--runs` and Lighthouse CI's
 * "median-run" report), the one closest to the median First Contentful Paint and Time to Interactive of
 * the runs, ties to the earlier interactive. Not the run with the median score: a score is a weighted sum
 * whose outliers come from the start or the end of the load.
 */
function median(runs: PageRun[]): PageRun {
  const asResults = runs.map((run) => ({
    run,
    audits: {
      "first-contentful-paint": { numericValue: run.metrics.firstContentfulPaintMs },
      interactive: { numericValue: run.metrics.interactiveMs },
    },
  }));
  const chosen = computeMedianRun(asResults as unknown as Parameters<typeof computeMedianRun>[0]);
  return (chosen as unknown as (typeof asResults)[number]).run;
}

async function main() {
  if (!CHROME) throw new Error("no Chromium: install Debian's (apt-get install chromium) or set CHROME_PATH");
  process.env.NEXT_DIST_DIR = DIST_DIR;
  // The build as it ships (scripts/build.mjs's standalone folder), built again when older than the sources
  // (--no-build: never, the folder must hold one).
  const build = await ensureBuild(buildPolicy() === "never" ? "never" : "if-stale");
  const { commit, dirty } = machine();
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const [simPort, portalPort] = [await freePort(), await freePort()];
  const simulator = `http://127.0.0.1:${simPort}`;
  const portal = `http://127.0.0.1:${portalPort}`;
  start("simulator", ["node_modules/tsx/dist/cli.mjs", "simulator/main.ts"], {
    SIM_PORT: String(simPort),
    SIM_PRODUCTS: String(PRODUCTS),
  });
  await waitFor("the simulator's start", async () => (await fetch(`${simulator}/me`)).status > 0, 60_000);
  // The build as it ships: the standalone folder's server.js (scripts/build.mjs), which changes into its folder.
  start("portal", [path.join(standaloneDir(), "server.js")], {
    PORT: String(portalPort),
    HOSTNAME: "127.0.0.1",
    UPSTREAM_URL: simulator,
    NEXTAUTH_URL: portal,
    NEXTAUTH_SECRET: "bench-secret-0123456789abcdef0123456789abcdef",
    DATA_DIR: path.resolve(TMP, "data"),
    DEMO_MODE: "true",
    NODE_ENV: "production",
  });
  await waitFor(
    "the first catalogue sync",
    async () =>
      ((await (await fetch(`${portal}/api/health?catalogue`)).json()) as { catalogueReady?: boolean })
        .catalogueReady === true,
    240_000,
  );
  const referenceApp = await startReferenceApp();
  const reference = referenceApp.url;
  const { cookie, productPath } = await prepare(portal);
  // The four pages of the issue, and two references: what the framework alone costs on this host.
  const portalPages = {
    catalogue: "/catalogue",
    product: productPath,
    cart: "/cart",
    orders: "/orders",
    "reference: offline page": "/offline",
  };
  await warm(portal, cookie, Object.values(portalPages));
  const pages: Record<string, { base: string; path: string }> = {
    ...Object.fromEntries(Object.entries(portalPages).map(([name, pagePath]) => [name, { base: portal, path: pagePath }])),
    "reference: empty Next.js page": { base: reference, path: "/" },
    // The portal sends Cross-Origin-Opener-Policy: same-origin, the empty page nothing: a page with the
    // policy opened from about:blank gets a browser process of its own, cold. The same empty page with
    // the portal's policy shows what that costs, beside the goal's reference.
    "reference: empty page with the portal's opener policy": { base: reference, path: "/opener-policy" },
  };

  type PageResult = {
    path: string;
    median: PageRun;
    runs: {
      scores: Record<Category, number>;
      benchmarkIndex: number | null;
      firstContentfulPaintMs: number | null;
      interactiveMs: number | null;
      totalBlockingTimeMs: number | null;
      cumulativeLayoutShift: number | null;
      measuredAgain: string | null;
    }[];
  };
  const results: Record<string, Record<string, PageResult>> = {};
  for (const slowdown of SLOWDOWNS) {
    const key = `cpu${slowdown}x`;
    results[key] = {};
    // Round by round, every page once per round, so that the host's speed drifting during the run (its
    // benchmark index moved by a factor of two within one run here) weighs on every page and on the
    // references alike, rather than on whichever pages ran while it was slow.
    const runsOf: Record<string, PageRun[]> = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
    for (let run = 0; run < RUNS; run++) {
      for (const [name, { base, path: pagePath }] of Object.entries(pages)) {
        runsOf[name]!.push(await measureWithRetry(`${base}${pagePath}`, cookie, slowdown));
      }
    }
    for (const [name, { path: pagePath }] of Object.entries(pages)) {
      const runs = runsOf[name]!;
      const chosen = median(runs);
      results[key][name] = {
        path: pagePath,
        median: chosen,
        runs: runs.map((item) => ({
          scores: item.scores,
          benchmarkIndex: item.benchmarkIndex,
          firstContentfulPaintMs: item.metrics.firstContentfulPaintMs ?? null,
          interactiveMs: item.metrics.interactiveMs ?? null,
          totalBlockingTimeMs: item.metrics.totalBlockingTimeMs ?? null,
          cumulativeLayoutShift: item.metrics.cumulativeLayoutShift ?? null,
          measuredAgain: item.measuredAgain,
        })),
      };
      const { scores } = chosen;
      console.log(
        `${slowdown}x ${name.padEnd(10)} performance ${scores.performance.toFixed(2)}  accessibility ${scores.accessibility.toFixed(2)}  best practices ${scores["best-practices"].toFixed(2)}  (benchmark index ${runs.map((item) => Math.round(item.benchmarkIndex ?? 0)).join(", ")})`,
      );
    }
  }

  const environment = {
    lighthouse: (JSON.parse(readFileSync("node_modules/lighthouse/package.json", "utf8")) as { version: string })
      .version,
    chromium: spawnSync(CHROME, ["--version"], { encoding: "utf8" }).stdout.trim(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
    mode: "mobile (Lighthouse's default: Moto G Power screen, simulated slow 4G; CPU slowdown as listed)",
    cpuSlowdowns: SLOWDOWNS,
    runsPerPage: RUNS,
    simulatorProducts: PRODUCTS,
    build: { distDir: build.distDir, buildId: build.buildId, builtAt: build.builtAt, current: build.current },
    commit,
    dirty,
    at: new Date().toISOString(),
  };
  const ms = (value: number | null | undefined) => (value === null || value === undefined ? "–" : `${Math.round(value)}`);
  const cell = (score: number) => `${score.toFixed(2)}${score < 0.9 ? " ✗" : ""}`;
  const sections = SLOWDOWNS.flatMap((slowdown) => {
    const pagesOf = Object.entries(results[`cpu${slowdown}x`] ?? {});
    const indexes = pagesOf.flatMap(([, page]) => page.runs.map((run) => run.benchmarkIndex ?? 0)).sort((a, b) => a - b);
    const shortfalls = pagesOf.flatMap(([name, { median: run }]) =>
      run.shortfalls.map((item) => `- ${name}, ${item.category}: ${item.title} (\`${item.id}\`, ${item.score})`),
    );
    return [
      `## CPU slowdown ${slowdown}×${slowdown === 4 ? " (Lighthouse's default)" : ""}`,
      "",
      `Benchmark index of the host during these runs: ${Math.round(indexes[0] ?? 0)}–${Math.round(indexes.at(-1) ?? 0)} (median ${Math.round(indexes[Math.floor(indexes.length / 2)] ?? 0)}).`,
      "",
      "| page | performance | accessibility | best practices | FCP ms | LCP ms | TTI ms | TBT ms | CLS |",
      "|---|---|---|---|---|---|---|---|---|",
      ...pagesOf.map(
        ([name, { path: pagePath, median: run }]) =>
          `| ${name} (\`${pagePath}\`) | ${cell(run.scores.performance)} | ${cell(run.scores.accessibility)} | ${cell(run.scores["best-practices"])} | ${ms(run.metrics.firstContentfulPaintMs)} | ${ms(run.metrics.largestContentfulPaintMs)} | ${ms(run.metrics.interactiveMs)} | ${ms(run.metrics.totalBlockingTimeMs)} | ${run.metrics.cumulativeLayoutShift ?? "–"} |`,
      ),
      "",
      "Every run in the order they ran (each round measuring every page once): its First Contentful Paint and Time to Interactive, from which Lighthouse chooses the median run (the one above), its Total Blocking Time and Cumulative Layout Shift; and the main thread's work in the median run by kind (ms, throttled):",
      "",
      "| page | FCP / TTI of each run (ms) | TBT of each run (ms) | CLS of each run | main thread, median run |",
      "|---|---|---|---|---|",
      ...pagesOf.map(
        ([name, page]) =>
          `| ${name} | ${page.runs.map((run) => `${ms(run.firstContentfulPaintMs)} / ${ms(run.interactiveMs)}`).join(", ")} | ${page.runs.map((run) => ms(run.totalBlockingTimeMs)).join(", ")} | ${page.runs.map((run) => (run.cumulativeLayoutShift === null ? "–" : run.cumulativeLayoutShift.toFixed(3))).join(", ")} | ${page.median.mainThread
            .slice(0, 4)
            .map((item) => `${item.group} ${item.ms}`)
            .join(", ")} |`,
      ),
      "",
      `Runs measured again because Lighthouse's first attempt lost its trace: ${
        pagesOf
          .flatMap(([name, page]) =>
            page.runs.flatMap((run, i) => (run.measuredAgain ? [`${name}, run ${i + 1} (${run.measuredAgain})`] : [])),
          )
          .join("; ") || "none"
      }.`,
      "",
      "Audits under 0.9 in the median runs:",
      "",
      ...(shortfalls.length ? shortfalls : ["- none"]),
      "",
    ];
  });
  writeBenchResult(
    "lighthouse",
    { environment, target: 0.9, pages: results },
    [
      "# Lighthouse, mobile mode",
      "",
      `\`npm run bench:lighthouse\` — Lighthouse ${environment.lighthouse}, ${environment.chromium}, ${environment.cpus} CPUs, load average ${environment.loadAverage.join(" / ")}, ${environment.at}.`,
      `Production build \`${build.buildId}\` in \`${build.distDir}\` (${buildLine(build)}); commit ${commit}${dirty ? " with uncommitted changes in the working tree" : ""}.`,
      `Signed in as the demo dealer; the build with the simulator (${PRODUCTS} products); median run of ${RUNS} per page, chosen as Lighthouse chooses it (closest to the median FCP and TTI). Target: 0.9 in each category.`,
      "",
      "The performance score weighs Total Blocking Time most; with simulated throttling it is the main-thread time observed on this host times the CPU slowdown, so a slow or busy host (a low benchmark index) scores lower than the same page on a fast one.",
      "Lighthouse's throttling guide (docs/throttling.md) puts a benchmark index of 1000-1500 in its \"low-end desktop\" class and suggests a 2× slowdown (range 1-5) to emulate a mid-tier phone from such a host; its 4× default assumes a high-end desktop (1500-2000).",
      "Three reference rows: `/offline`, the portal's smallest page (no signed-in shell, one small client component); an empty Next.js app router page (bench/reference-app: sixteen links, no stylesheet, no client component, no security headers) built with the same Next.js and React, the goals' reference; and the same empty page sent with the portal's `Cross-Origin-Opener-Policy: same-origin` (`/opener-policy`). Lighthouse opens each page from about:blank; a page with that policy is then loaded in a new browser process, cold, rather than in the one that showed about:blank, and every portal page sends it. What they score is what the framework alone leaves of the budget on this host. Only the empty pages' performance is a reference: their accessibility and best-practices shortfalls (links without spacing, no favicon) are their own.",
      "",
      ...sections,
    ].join("\n"),
    null,
  );
}

runBench(main, stopAll);
