// `npm run test:e2e`: the production build (scripts/build.mjs: the standalone folder that ships), then the
// Playwright suite in Chromium against that folder's server and the simulator (Playwright's webServer starts
// both). Installs Debian's Chromium when no browser is there. .env is loaded as Next loads it.
import { existsSync, rmSync } from "node:fs";

import { build } from "./build.mjs";
import { buildIsCurrent } from "./lib/build-state.mjs";
import { DEBIAN_CHROMIUM } from "./lib/chromium.mjs";
import { loadDotEnv } from "./lib/config.mjs";
import { runToEnd } from "./lib/processes.mjs";

export async function ensureChromium() {
  if (existsSync(DEBIAN_CHROMIUM)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.warn(`${DEBIAN_CHROMIUM} is missing and we are not root: using Playwright's own browser if installed.`);
    return;
  }
  console.log("Installing Debian's Chromium…");
  await runToEnd("apt-get", ["update", "-qq"]);
  await runToEnd("apt-get", ["install", "-y", "-qq", "chromium"], { env: { DEBIAN_FRONTEND: "noninteractive" } });
}

/** The build the tests run: built when missing or older than the sources, into NEXT_DIST_DIR (per port offset). */
export async function ensureBuild() {
  const offset = Number(process.env.E2E_PORT_OFFSET ?? 0) || 0;
  // A run beside another builds into its own folder, so neither replaces the other's build.
  if (offset && !process.env.NEXT_DIST_DIR) process.env.NEXT_DIST_DIR = `.next-run-${offset}`;
  if (!buildIsCurrent()) await build();
  return offset;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  loadDotEnv();
  await ensureChromium();
  const offset = await ensureBuild();
  // Every run starts from an empty portal database.
  rmSync(offset ? `test-results/run-${offset}/e2e-data` : "test-results/e2e-data", { recursive: true, force: true });
  rmSync(offset ? `test-results/run-${offset}/e2e-variant-data` : "test-results/e2e-variant-data", {
    recursive: true,
    force: true,
  });
  const args = process.argv.slice(2);
  try {
    await runToEnd(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...args]);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
