// `npm run test:e2e`: a production build, then the Playwright suite in Chromium against it and the simulator
// (Playwright's webServer starts both). Installs Debian's Chromium when no browser is there.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";

import { buildIsCurrent } from "./lib/build-state.mjs";
import { DEBIAN_CHROMIUM } from "./lib/chromium.mjs";
import { bin, runToEnd } from "./lib/processes.mjs";

async function ensureChromium() {
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

const offset = Number(process.env.E2E_PORT_OFFSET ?? 0) || 0;
// A run beside another builds into its own folder, so neither replaces the other's build.
if (offset && !process.env.NEXT_DIST_DIR) process.env.NEXT_DIST_DIR = `.next-run-${offset}`;

await ensureChromium();
if (!buildIsCurrent()) {
  // A build into another folder makes Next add that folder to tsconfig.json: keep the file as it is.
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  try {
    await runToEnd(process.execPath, [bin.next, "build"], {
      env: { NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "build-time-placeholder-secret-0123456789" },
    });
  } finally {
    writeFileSync("tsconfig.json", tsconfig);
  }
}
// Every run starts from an empty portal database.
rmSync(offset ? `test-results/run-${offset}/e2e-data` : "test-results/e2e-data", { recursive: true, force: true });
const args = process.argv.slice(2);
try {
  await runToEnd(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...args]);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
