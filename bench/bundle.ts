/**
 * `npm run bench:bundle`: the first-load JavaScript of every page of the production build.
 *
 * Next 16 prints no sizes for Turbopack builds, so they are derived from the build's manifests the
 * way `next start` picks the scripts of a page:
 *  - the bootstrap scripts every page loads: `rootMainFilesTree[page]` or else `rootMainFiles` of
 *    `build-manifest.json` (the `noModule` polyfills are left out: modern browsers skip them; their
 *    size is given apart);
 *  - the scripts of the page's segments: the `entryJSFiles` lists of the page's
 *    `server/app/<page>_client-reference-manifest.js` (root and group layouts, the page, the error
 *    and global-error boundaries, and the innermost not-found boundary: an outer one is shadowed
 *    and not loaded);
 * the union of those files, each counted once, gzipped at level 9 (what `next build` used to
 * print as "First Load JS"), also without compression.
 *
 * The method is checked against what the build really serves: a small simulator and an empty
 * database behind `next start`, signed in, and every page without a parameter plus a product page
 * fetched; the scripts of each HTML are compared with the files counted (`--no-verify` skips it).
 * A category page's scripts recorded by bench:catalog:queries or bench:load are compared too.
 *
 * Options: --rebuild (build when older than the sources), --no-build (never build; by default only
 * when there is none), --no-verify. Figures go to bench/bundle.json and bench/bundle.md.
 */
import "./lib/dotenv";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

import { buildLine, ensureBuild, pageScripts, signIn, startPortal, timedGet, type BuildInfo } from "./lib/portal";
import { startSimProcess } from "./lib/sim-process";
import { runBench, writeBenchResult } from "./lib/result";
import { machine, machineLine, type Machine } from "./lib/stats";
import { flag } from "./lib/options";

const LARGEST = 3;
const VERIFY = !flag("no-verify");
/** Pages only wholesaler staff are shown, verified signed in as the admin. */
const STAFF_PAGES = new Set(["/admin", "/customers"]);

interface BuildManifest {
  polyfillFiles: string[];
  rootMainFiles: string[];
  rootMainFilesTree?: Record<string, string[]>;
}

interface ClientReferenceManifest {
  entryJSFiles?: Record<string, string[]>;
}

export interface RouteFigures {
  route: string;
  entry: string;
  chunks: number;
  bytes: number;
  gzipBytes: number;
  /** Of that, what only some routes load (beyond the chunks every page shares). */
  ownGzipBytes: number;
}

interface Check {
  route: string;
  /** Where the served HTML came from: this run's check, or a benchmark's JSON. */
  from: string;
  status: number;
  matches: boolean;
  countedNotServed: string[];
  servedNotCounted: string[];
}

const sizes = new Map<string, { bytes: number; gzipBytes: number }>();

function sizeOf(distDir: string, file: string): { bytes: number; gzipBytes: number } {
  const known = sizes.get(file);
  if (known) return known;
  const content = readFileSync(path.join(distDir, file));
  const size = { bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  sizes.set(file, size);
  return size;
}

function clientManifest(distDir: string, entry: string): ClientReferenceManifest {
  const file = path.join(distDir, "server", "app", `${entry}_client-reference-manifest.js`);
  const sandbox: { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
  runInNewContext(readFileSync(file, "utf8"), sandbox);
  const manifest = sandbox.__RSC_MANIFEST?.[entry];
  if (!manifest) throw new Error(`${file} has no manifest for ${entry}`);
  return manifest;
}

/** The script files a page loads first, by the method above. */
function firstLoadFiles(distDir: string, buildManifest: BuildManifest, entry: string): Set<string> {
  const segments = clientManifest(distDir, entry).entryJSFiles ?? {};
  const notFounds = Object.keys(segments).filter((key) => key.endsWith("/not-found"));
  const innermost = notFounds.sort((a, b) => b.length - a.length)[0];
  const files = new Set<string>(buildManifest.rootMainFilesTree?.[entry] ?? buildManifest.rootMainFiles);
  for (const [segment, list] of Object.entries(segments)) {
    if (segment.endsWith("/not-found") && segment !== innermost) continue;
    for (const file of list) if (file.endsWith(".js")) files.add(file);
  }
  return files;
}

function compare(route: string, from: string, status: number, counted: Set<string>, served: string[]): Check {
  const countedNotServed = [...counted].filter((file) => !served.includes(file));
  const servedNotCounted = served.filter((file) => !counted.has(file));
  return {
    route,
    from,
    status,
    matches: status === 200 && countedNotServed.length === 0 && servedNotCounted.length === 0,
    countedNotServed,
    servedNotCounted,
  };
}

/** Serves the build against a small simulator and an empty database, and compares each page's scripts. */
async function verifyServed(
  entries: Map<string, { entry: string; files: Set<string> }>,
  polyfills: string[],
): Promise<Check[]> {
  const sim = await startSimProcess({ products: 400, seed: "bundle" });
  const dataDir = path.join(process.cwd(), "bench", "tmp", "bundle-check-data");
  rmSync(dataDir, { recursive: true, force: true });
  const checks: Check[] = [];
  try {
    const portal = await startPortal({ upstreamUrl: sim.url, dataDir, requireCatalogue: false });
    try {
      const dealer = await signIn(portal.url, "dealer@acme.example", "demo1234");
      const admin = await signIn(portal.url, "admin@wholesaler.example", "demo1234");
      const skus = (await (
        await fetch(`${sim.url}/products`, { headers: { Authorization: `Bearer ${sim.serviceToken}` } })
      ).json()) as unknown;
      const sku = JSON.stringify(skus).match(/"sku"\s*:\s*"([^"]+)"/)?.[1];
      for (const [route, { files }] of entries) {
        let url = route;
        if (route === "/products/[sku]" && sku) url = `/products/${encodeURIComponent(sku)}`;
        else if (route.includes("[") || route.startsWith("/_")) continue;
        // Staff-only pages answer a dealer with 404; the admin sees them.
        const cookie = STAFF_PAGES.has(route) ? admin : route === "/sign-in" || route === "/offline" ? "" : dealer;
        const response = await timedGet(`${portal.url}${url}`, cookie);
        const served = pageScripts(response.body).filter((file) => !polyfills.includes(file));
        checks.push(compare(route, "served in this run", response.status, files, served));
      }
    } finally {
      await portal.stop();
    }
  } finally {
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return checks;
}

/** The category page's scripts a benchmark recorded, when it ran on this build. */
function recordedCategoryCheck(build: BuildInfo, files: Set<string> | undefined, polyfills: string[]): Check | null {
  if (!files) return null;
  const sources: Array<[string, (json: never) => { buildId?: string; scripts?: string[] }]> = [
    [
      "catalog-queries.json",
      (json: { http?: { build: BuildInfo; categoryPageScripts?: string[] } | null }) => ({
        buildId: json.http?.build.buildId,
        scripts: json.http?.categoryPageScripts,
      }),
    ],
    [
      "load.json",
      (json: { build?: BuildInfo; categoryPageScripts?: string[] }) => ({
        buildId: json.build?.buildId,
        scripts: json.categoryPageScripts,
      }),
    ],
  ];
  for (const [name, read] of sources) {
    const file = path.join(process.cwd(), "bench", name);
    if (!existsSync(file)) continue;
    const found = read(JSON.parse(readFileSync(file, "utf8")) as never);
    if (found.buildId !== build.buildId || !found.scripts) continue;
    const served = found.scripts.filter((script) => !polyfills.includes(script));
    return compare("/catalogue/[...code]", `bench/${name}`, 200, files, served);
  }
  return null;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function markdown(result: {
  date: string;
  machine: Machine;
  build: BuildInfo;
  routes: RouteFigures[];
  shared: { chunks: number; bytes: number; gzipBytes: number };
  polyfills: { bytes: number; gzipBytes: number };
  largest: string[];
  checks: Check[];
}): string {
  const matched = result.checks.filter((check) => check.matches);
  const mismatched = result.checks.filter((check) => !check.matches);
  const checkLines = result.checks.length
    ? [
        `Checked against the HTML the build serves: ${matched.length} of ${result.checks.length} pages load exactly the files counted (${matched.map((check) => `\`${check.route}\``).join(", ")}).`,
        ...mismatched.map(
          (check) =>
            `- \`${check.route}\` (${check.from}, status ${check.status}): counted but not served ${JSON.stringify(check.countedNotServed)}, served but not counted ${JSON.stringify(check.servedNotCounted)}`,
        ),
      ]
    : ["Not checked against served pages (`--no-verify`)."];
  return [
    "# First-load JavaScript per route",
    "",
    `${result.date}, \`npm run bench:bundle\`, build \`${result.build.buildId}\` in \`${result.build.distDir}\` (${buildLine(result.build)}). ${machineLine(result.machine)}.`,
    "",
    `Largest: ${result.largest.join(", ")}.`,
    "",
    "| route | first-load JS (gzip) | of which route-specific (gzip) | uncompressed | chunks |",
    "|---|---|---|---|---|",
    ...result.routes.map(
      (route) =>
        `| \`${route.route}\` | ${kB(route.gzipBytes)} | ${kB(route.ownGzipBytes)} | ${kB(route.bytes)} | ${route.chunks} |`,
    ),
    `| shared by all | ${kB(result.shared.gzipBytes)} | | ${kB(result.shared.bytes)} | ${result.shared.chunks} |`,
    "",
    "Method: Next 16 prints no sizes for Turbopack builds, so they are derived from the manifests the way `next start` chooses a page's scripts — the bootstrap files of `build-manifest.json` (`rootMainFilesTree[page]`, else `rootMainFiles`) plus the `entryJSFiles` lists of the page's `server/app/<page>_client-reference-manifest.js`: its layouts, the page, the error and global-error boundaries, and the innermost not-found boundary (an outer one is shadowed and not loaded). Each file counts once per route, gzipped at level 9 as `next build` used to report. Scripts loaded later (dynamic imports, other routes on navigation) are not first-load. " +
      `The \`noModule\` polyfills (${kB(result.polyfills.gzipBytes)} gzip) are left out: modern browsers do not load them. Route handlers (\`/api/…\`, \`/media/…\`) send no JavaScript and are not listed.`,
    "",
    ...checkLines,
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const started = machine();
  const build = await ensureBuild();
  const distDir = build.distDir;
  const buildManifest = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as BuildManifest;
  const routesManifest = JSON.parse(
    readFileSync(path.join(distDir, "app-path-routes-manifest.json"), "utf8"),
  ) as Record<string, string>;

  const pages = new Map<string, { entry: string; files: Set<string> }>();
  for (const [entry, route] of Object.entries(routesManifest)) {
    if (entry.endsWith("/page")) pages.set(route, { entry, files: firstLoadFiles(distDir, buildManifest, entry) });
  }
  const sets = [...pages.values()].map((page) => page.files);
  const shared = new Set([...(sets[0] ?? [])].filter((file) => sets.every((set) => set.has(file))));
  const sum = (list: Iterable<string>, key: "bytes" | "gzipBytes") =>
    [...list].reduce((total, file) => total + sizeOf(distDir, file)[key], 0);

  const routes: RouteFigures[] = [...pages]
    .map(([route, { entry, files }]) => ({
      route,
      entry,
      chunks: files.size,
      bytes: sum(files, "bytes"),
      gzipBytes: sum(files, "gzipBytes"),
      ownGzipBytes: sum(
        [...files].filter((file) => !shared.has(file)),
        "gzipBytes",
      ),
    }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes || a.route.localeCompare(b.route));
  const largest = routes.slice(0, LARGEST).map((route) => `\`${route.route}\` ${kB(route.gzipBytes)}`);

  const checks: Check[] = VERIFY ? await verifyServed(pages, buildManifest.polyfillFiles) : [];
  const recorded = recordedCategoryCheck(build, pages.get("/catalogue/[...code]")?.files, buildManifest.polyfillFiles);
  if (recorded) checks.push(recorded);

  const result = {
    date: new Date().toISOString(),
    command: "npm run bench:bundle",
    machine: started,
    build,
    method:
      "union of build-manifest rootMainFiles (rootMainFilesTree[page] when present) and the entryJSFiles of the page's client reference manifest (layouts, page, error and global-error boundaries, innermost not-found); each file once; gzip level 9; noModule polyfills excluded",
    routes,
    shared: { chunks: shared.size, bytes: sum(shared, "bytes"), gzipBytes: sum(shared, "gzipBytes") },
    polyfills: {
      bytes: sum(buildManifest.polyfillFiles, "bytes"),
      gzipBytes: sum(buildManifest.polyfillFiles, "gzipBytes"),
    },
    largest,
    checks,
  };
  writeBenchResult("bundle", result, markdown(result));
}

runBench(main);
