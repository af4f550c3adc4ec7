/**
 * `npm run bench:bundle`: the first-load JavaScript of every page of the production build.
 *
 * Next 16 prints no sizes for Turbopack builds, so they are derived from the build's manifests the
 * way `next start` picks the scripts of a page:
 *  - the bootstrap scripts every page loads: `rootMainFilesTree[page]` or else `rootMainFiles` of
 *    `build-manifest.json` (the `noModule` polyfills are left out: modern browsers skip them; their
 *    size is given apart);
 *  - the scripts of the page's segments: every list in `entryJSFiles` of the page's
 *    `server/app/<page>_client-reference-manifest.js` (root and group layouts, the page, and the
 *    error, not-found and global-error boundaries of its tree);
 * the union of those files, each counted once, gzipped at level 9 (what `next build` used to
 * print as "First Load JS"), also without compression.
 *
 * Options: --rebuild (build when older than the sources), --no-build (never build; by default only
 * when there is none). Figures go to bench/bundle.json and bench/bundle.md.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

import { buildLine, ensureBuild, type BuildInfo } from "./lib/portal";
import { machine, machineLine, type Machine } from "./lib/stats";

const LARGEST = 3;

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

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function markdown(result: {
  date: string;
  machine: Machine;
  build: BuildInfo;
  routes: RouteFigures[];
  shared: { chunks: number; bytes: number; gzipBytes: number };
  polyfills: { bytes: number; gzipBytes: number };
  largest: string[];
  check: { route: string; from: string; sameBuild: boolean; onlyInManifests: string[]; onlyInHtml: string[] } | null;
}): string {
  const c = result.check;
  const checkLine = !c
    ? "Not checked against a served page (`bench:catalog:queries` and `bench:load` record one)."
    : !c.sameBuild
      ? `The served page recorded in \`bench/${c.from}\` came from another build: not compared.`
      : c.onlyInManifests.length === 0 && c.onlyInHtml.length === 0
        ? `Checked: the HTML of a \`${c.route}\` page served by this build (recorded in \`bench/${c.from}\`) loads exactly the files counted here.`
        : `Checked against the HTML of a \`${c.route}\` page served by this build (\`bench/${c.from}\`): counted here but not in the HTML ${JSON.stringify(c.onlyInManifests)}; in the HTML but not counted ${JSON.stringify(c.onlyInHtml)}.`;
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
    "Method: Next 16 prints no sizes for Turbopack builds, so they are derived from the manifests the way `next start` chooses a page's scripts — the bootstrap files of `build-manifest.json` (`rootMainFilesTree[page]`, else `rootMainFiles`) plus every `entryJSFiles` list of the page's `server/app/<page>_client-reference-manifest.js` (its layouts, the page and the error / not-found / global-error boundaries of its tree). Each file counts once per route, gzipped at level 9 as `next build` used to report. Scripts loaded later (dynamic imports, other routes on navigation) are not first-load. " +
      `${checkLine} The \`noModule\` polyfills (${kB(result.polyfills.gzipBytes)} gzip) are left out: modern browsers do not load them. Route handlers (\`/api/…\`, \`/media/…\`) send no JavaScript and are not listed.`,
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

  const files = new Map<string, Set<string>>();
  for (const [entry, route] of Object.entries(routesManifest)) {
    if (!entry.endsWith("/page")) continue;
    const set = new Set<string>(buildManifest.rootMainFilesTree?.[entry] ?? buildManifest.rootMainFiles);
    for (const list of Object.values(clientManifest(distDir, entry).entryJSFiles ?? {})) {
      for (const file of list) if (file.endsWith(".js")) set.add(file);
    }
    files.set(`${entry}\u0000${route}`, set);
  }
  const sets = [...files.values()];
  const shared = new Set([...(sets[0] ?? [])].filter((file) => sets.every((set) => set.has(file))));
  const sum = (list: Iterable<string>, key: "bytes" | "gzipBytes") =>
    [...list].reduce((total, file) => total + sizeOf(distDir, file)[key], 0);

  const routes: RouteFigures[] = [...files]
    .map(([key, set]) => {
      const [entry = "", route = ""] = key.split("\u0000");
      return {
        route,
        entry,
        chunks: set.size,
        bytes: sum(set, "bytes"),
        gzipBytes: sum(set, "gzipBytes"),
        ownGzipBytes: sum(
          [...set].filter((file) => !shared.has(file)),
          "gzipBytes",
        ),
      };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes || a.route.localeCompare(b.route));
  // The check of the method: the scripts a category page's HTML actually loaded in bench:catalog:queries.
  const recorded = (name: string, pick: (json: never) => { buildId?: string; scripts?: string[] } | undefined) => {
    const file = path.join(process.cwd(), "bench", name);
    if (!existsSync(file)) return null;
    const found = pick(JSON.parse(readFileSync(file, "utf8")) as never);
    return found?.buildId && found.scripts ? { from: name, buildId: found.buildId, scripts: found.scripts } : null;
  };
  const candidates = [
    recorded(
      "catalog-queries.json",
      (json: { http?: { build: BuildInfo; categoryPageScripts?: string[] } | null }) => ({
        buildId: json.http?.build.buildId,
        scripts: json.http?.categoryPageScripts,
      }),
    ),
    recorded("load.json", (json: { build?: BuildInfo; categoryPageScripts?: string[] }) => ({
      buildId: json.build?.buildId,
      scripts: json.categoryPageScripts,
    })),
  ].filter((candidate) => candidate !== null);
  const served = candidates.find((candidate) => candidate.buildId === build.buildId) ?? candidates[0] ?? null;
  const categorySet = [...files].find(([key]) => key.endsWith("\u0000/catalogue/[...code]"))?.[1];
  const check =
    served && categorySet
      ? {
          route: "/catalogue/[...code]",
          from: served.from,
          sameBuild: served.buildId === build.buildId,
          onlyInManifests: [...categorySet].filter((file) => !served.scripts.includes(file)),
          // The noModule polyfills are in the HTML too; modern browsers skip them.
          onlyInHtml: served.scripts.filter(
            (file) => !categorySet.has(file) && !buildManifest.polyfillFiles.includes(file),
          ),
        }
      : null;
  const largest = routes.slice(0, LARGEST).map((route) => `\`${route.route}\` ${kB(route.gzipBytes)}`);

  const result = {
    date: new Date().toISOString(),
    command: "npm run bench:bundle",
    machine: started,
    build,
    method:
      "union of build-manifest rootMainFiles (rootMainFilesTree[page] when present) and all entryJSFiles of the page's client reference manifest; each file once; gzip level 9; noModule polyfills excluded",
    routes,
    shared: { chunks: shared.size, bytes: sum(shared, "bytes"), gzipBytes: sum(shared, "gzipBytes") },
    polyfills: {
      bytes: sum(buildManifest.polyfillFiles, "bytes"),
      gzipBytes: sum(buildManifest.polyfillFiles, "gzipBytes"),
    },
    largest,
    check,
  };
  const out = path.join(process.cwd(), "bench");
  writeFileSync(path.join(out, "bundle.json"), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(path.join(out, "bundle.md"), markdown(result));
  console.log(`\n${markdown(result)}`);
  console.log("Written to bench/bundle.json and bench/bundle.md");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
