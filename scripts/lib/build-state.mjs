// Whether the production build (its standalone folder, completed by scripts/build.mjs) is older than the
// sources, so `npm start` and the e2e harness rebuild only when needed.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "messages",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "drizzle",
  "scripts/sync.ts",
  "scripts/build.mjs",
  "scripts/server-wrapper.cjs",
  "scripts/admission-queue.cjs",
  "scripts/server-contract.cjs",
  "scripts/lib/compile-hints.mjs",
  "package-lock.json",
  "tailwind.config.ts",
];

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

export function buildIsCurrent() {
  const buildId = `${process.env.NEXT_DIST_DIR || ".next"}/standalone/BUILT_AT`;
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.every((source) => newestMtime(source) <= built);
}
