// `npm run test:e2e`: the production build (scripts/build.mjs: the standalone folder that ships), then the
// Playwright suite in Chromium against that folder's server and the simulator (Playwright's webServer starts
// both). Installs Debian's Chromium and its headless shell when missing. .env is loaded as Next loads it.
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createInterface } from "node:readline";

import { build } from "./build.mjs";
import { buildIsCurrent } from "./lib/build-state.mjs";
import { DEBIAN_CHROMIUM, DEBIAN_HEADLESS_SHELL, testBrowser } from "./lib/chromium.mjs";
import { loadDotEnv } from "./lib/config.mjs";
import { runToEnd } from "./lib/processes.mjs";

/** Installs Debian's Chromium and its headless shell (the tests' browser) when missing and we are root. */
export async function ensureChromium() {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const missing = [
    [DEBIAN_CHROMIUM, "chromium"],
    [DEBIAN_HEADLESS_SHELL, "chromium-headless-shell"],
  ].filter(([path]) => !existsSync(path));
  if (isRoot && missing.length > 0) {
    await runToEnd("apt-get", ["update", "-qq"]);
    for (const [, name] of missing) {
      console.log(`Installing Debian's ${name}…`);
      const installed = runToEnd("apt-get", ["install", "-y", "-qq", name], {
        env: { DEBIAN_FRONTEND: "noninteractive" },
      });
      // The headless shell only makes the suite cheaper: without it the tests drive Chromium.
      await (name === "chromium"
        ? installed
        : installed.catch((error) => console.warn(`${error.message}: the tests use Chromium.`)));
    }
  }
  if (!testBrowser()) console.warn(`No Debian Chromium and not root: using Playwright's own browser if installed.`);
}

/** The build the tests run: built when missing or older than the sources, into NEXT_DIST_DIR (per port offset). */
export async function ensureBuild() {
  const offset = Number(process.env.E2E_PORT_OFFSET ?? 0) || 0;
  // A run beside another builds into its own folder, so neither replaces the other's build.
  if (offset && !process.env.NEXT_DIST_DIR) process.env.NEXT_DIST_DIR = `.next-run-${offset}`;
  if (!buildIsCurrent()) await build();
  return offset;
}

/**
 * The whole suite in parallel groups, each with its own simulator, portal and data folder from the
 * one build: two halves of the main projects (Playwright's shards; each runs the setup it needs) and
 * the variants project beside them. One Playwright worker per group, as the suite's shared accounts
 * need; the groups share nothing but the build.
 */
// Group a takes these files (about half the suite's time, measured in CI from the list reporter's
// times: 17.5 and 15.9 minutes of tests at 9b3ffc1 before a minute moved to b; at 130cb21 15.7 and
// 16.3 minutes, before a's fuzz and axe passes shrank and prices-units moved to a; at 7ef773a 10.1 and 10.9
// minutes of tests, 10.9 and 12.6 minutes from start to end, before security-sessions and cart-count, 52 s
// of tests, moved to a: b's files are more and shorter, each with its own start), group b every other
// file, so a new spec lands in b. Playwright's grep is matched
// against "project file describe title", so a file name selects a file; the setup files run in both.
const GROUP_A_FILES = [
  "fuzz",
  "accessibility",
  "catalogue",
  "favourites",
  "lists",
  "orders",
  "cache",
  "isolation",
  "ordering",
  "address-book",
  "security-checkout",
  "prices-units",
  "security-sessions",
  "cart-count",
];
const groupAPattern = `(^| )(${GROUP_A_FILES.join("|")})\\.spec\\.ts`;
const GROUPS = [
  { name: "a", offset: 0, args: [`--grep=${groupAPattern}|\\.setup\\.ts`], env: { E2E_VARIANTS: "0" } },
  { name: "b", offset: 200, args: [`--grep-invert=${groupAPattern}`], env: { E2E_VARIANTS: "0" } },
  { name: "v", offset: 300, args: ["--project=variants"], env: {} },
];

function resultsOf(offset) {
  return offset ? `test-results/run-${offset}` : "test-results";
}

/** Lines of a group's report worth repeating at the end: failures, flaky tests and the totals. */
const REPORT_LINE = /✘|^\s+\d+\) |^\s+\d+ (passed|failed|flaky|skipped|did not run)\b|^\s+\[[\w-]+\] › /;

function runGroup(group, distDir, report) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...group.args], {
      env: { ...process.env, ...group.env, E2E_PORT_OFFSET: String(group.offset), NEXT_DIST_DIR: distDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => {
        console.log(`[${group.name}] ${line}`);
        if (REPORT_LINE.test(line) && !line.includes("[WebServer]")) report.push(`[${group.name}] ${line}`);
      });
    }
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  loadDotEnv();
  await ensureChromium();
  const offset = await ensureBuild();
  const args = process.argv.slice(2);
  // The whole suite runs in parallel groups unless E2E_GROUPS=1 or a part of it is asked for.
  const grouped = args.length === 0 && !offset && process.env.E2E_GROUPS !== "1";
  // Every run starts from an empty portal database.
  for (const run of grouped ? GROUPS.map((group) => group.offset) : [offset]) {
    rmSync(`${resultsOf(run)}/e2e-data`, { recursive: true, force: true });
    rmSync(`${resultsOf(run)}/e2e-variant-data`, { recursive: true, force: true });
  }
  if (grouped) {
    const distDir = process.env.NEXT_DIST_DIR || ".next";
    const started = Date.now();
    const reports = GROUPS.map(() => []);
    const codes = await Promise.all(GROUPS.map((group, index) => runGroup(group, distDir, reports[index])));
    // The groups' outputs interleave; what failed is said again at the end, where a CI log's tail shows it.
    console.log("e2e summary:");
    for (const report of reports) for (const line of report) console.log(line);
    const failed = GROUPS.filter((_, index) => codes[index] !== 0).map((group) => group.name);
    console.log(
      `e2e: ${GROUPS.length} groups in ${((Date.now() - started) / 60000).toFixed(1)} min; ` +
        (failed.length ? `failed: ${failed.join(", ")}` : "all passed"),
    );
    process.exit(failed.length ? 1 : 0);
  }
  try {
    await runToEnd(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...args]);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
