// `npm run build`: one production build, shipped as it is tested. `next build` with output "standalone",
// then the standalone folder is completed so that it runs on its own with `node server.js` (and the
// bootstrap scripts every page loads get V8's compile hint: scripts/lib/compile-hints.mjs):
//   <distDir>/standalone/
//     server.js            the portal (PORT, HOSTNAME; every variable of .env.example): scripts/server-wrapper.cjs
//                          around Next's own server (next-server.js)
//     admission-queue.cjs  how many requests it renders at once (scripts/admission-queue.cjs)
//     server-contract.cjs  the headers and globals the wrapper shares with the portal (scripts/server-contract.cjs)
//     sync.mjs             the catalogue sync worker (`node sync.mjs [--once]`), bundled: no TypeScript needed
//     db-tool.mjs          `node db-tool.mjs backup|restore` of the embedded database
//     lib/db/pglite-worker.mjs   the embedded database's thread, started by the server
//     lib/db/pglite-statements.mjs   its prepared statements
//     drizzle/             the migrations, applied at start
//     public/, <distDir>/static/   the files Next serves itself
// The e2e suite, the cluster test, `npm start` and the Dockerfile all run this folder.
import { copyFileSync, cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { hintCompileOnLoad } from "./lib/compile-hints.mjs";
import { loadDotEnv } from "./lib/config.mjs";
import { bin, runToEnd } from "./lib/processes.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The folder of the standalone build of `distDir`. */
export function standaloneDir(distDir = process.env.NEXT_DIST_DIR || ".next") {
  return path.resolve(root, distDir, "standalone");
}

/** Bundles the workers that run from the standalone folder without tsx. */
export async function bundleWorkers(outDir) {
  const esbuild = await import("esbuild");
  const common = {
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    conditions: ["react-server"],
    tsconfig: path.join(root, "tsconfig.json"),
    // PGlite finds its WebAssembly and extensions beside its own modules; pg's native binding is optional.
    external: ["@electric-sql/pglite", "@electric-sql/pglite/*", "pg-native"],
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: "warning",
  };
  await esbuild.build({
    ...common,
    entryPoints: [path.join(root, "scripts/sync.ts")],
    outfile: path.join(outDir, "sync.mjs"),
  });
  if (existsSync(path.join(root, "scripts/db-tool.ts")))
    await esbuild.build({
      ...common,
      entryPoints: [path.join(root, "scripts/db-tool.ts")],
      outfile: path.join(outDir, "db-tool.mjs"),
    });
}

/**
 * Whether a standalone folder's server.js is already the wrapper (scripts/server-wrapper.cjs), assembled
 * before: the wrapper is the one that loads next-server.js, which Next's own server.js never names.
 */
export function isServerWrapper(source) {
  return source.includes('"next-server.js"');
}

/** Completes a fresh `next build --output standalone` into a folder that runs on its own. */
export async function assembleStandalone(distDir = process.env.NEXT_DIST_DIR || ".next") {
  const out = standaloneDir(distDir);
  if (!existsSync(path.join(out, "server.js"))) throw new Error(`${out}/server.js is missing: did next build run?`);
  // Next's server becomes next-server.js; server.js is the wrapper that logs requests and shuts down gracefully.
  if (!isServerWrapper(readFileSync(path.join(out, "server.js"), "utf8")))
    renameSync(path.join(out, "server.js"), path.join(out, "next-server.js"));
  copyFileSync(path.join(root, "scripts/server-wrapper.cjs"), path.join(out, "server.js"));
  copyFileSync(path.join(root, "scripts/admission-queue.cjs"), path.join(out, "admission-queue.cjs"));
  copyFileSync(path.join(root, "scripts/server-contract.cjs"), path.join(out, "server-contract.cjs"));
  cpSync(path.join(root, "public"), path.join(out, "public"), { recursive: true });
  // V8 compiles the bootstrap scripts while they stream in, not in the task that hydrates a page.
  hintCompileOnLoad(path.join(root, distDir));
  cpSync(path.join(root, distDir, "static"), path.join(out, distDir, "static"), { recursive: true });
  rmSync(path.join(out, "drizzle"), { recursive: true, force: true });
  cpSync(path.join(root, "drizzle"), path.join(out, "drizzle"), { recursive: true });
  // The build host's .env files are not part of what ships: the operator configures each instance.
  for (const file of [".env", ".env.local", ".env.production", ".env.production.local"])
    rmSync(path.join(out, file), { force: true });
  // The workers load PGlite from node_modules (the server has its own copy in its bundles).
  const pglite = path.join(out, "node_modules/@electric-sql/pglite");
  if (!existsSync(pglite)) {
    for (const part of ["package.json", "dist"])
      cpSync(path.join(root, "node_modules/@electric-sql/pglite", part), path.join(pglite, part), { recursive: true });
  }
  await bundleWorkers(out);
  // The embedded database's thread, plain JavaScript loaded by path (lib/db/pglite-thread.ts), and the
  // prepared statements it imports.
  for (const file of ["pglite-worker.mjs", "pglite-statements.mjs"])
    cpSync(path.join(root, "lib/db", file), path.join(out, "lib/db", file));
  writeFileSync(path.join(out, "BUILT_AT"), `${new Date().toISOString()}\n`);
  return out;
}

/** `next build` (keeping tsconfig.json as it is when building into another folder), then the assembly. */
export async function build(env = {}) {
  const tsconfig = readFileSync(path.join(root, "tsconfig.json"), "utf8");
  try {
    // The session secret is read at run time; the build only needs one to pass the configuration check.
    await runToEnd(process.execPath, [bin.next, "build"], {
      env: { NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || "build-time-placeholder-secret-0123456789", ...env },
    });
  } finally {
    // Written back only when the build changed it: the unit tests may be reading it beside the build.
    const file = path.join(root, "tsconfig.json");
    if (readFileSync(file, "utf8") !== tsconfig) writeFileSync(file, tsconfig);
  }
  return assembleStandalone(env.NEXT_DIST_DIR || process.env.NEXT_DIST_DIR || ".next");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  loadDotEnv(root);
  const out = await build();
  console.log(`standalone build: ${path.relative(process.cwd(), out)} (node server.js, node sync.mjs)`);
}
