// The configuration of the start, dev, sync and test scripts: `.env` files are loaded the way Next
// loads them (@next/env: the process's own environment first, then .env.$(NODE_ENV).local, .env.local,
// .env.$(NODE_ENV), .env), and the scripts' local defaults only fill what is still unset.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import * as nextEnvModule from "@next/env";

// CommonJS: a named export under Node, the default export under some bundlers and loaders.
const nextEnv = nextEnvModule.loadEnvConfig ? nextEnvModule : nextEnvModule.default;

/** Loads the project's .env files into process.env (what is already set wins). Returns the files read. */
export function loadDotEnv(dir = process.cwd(), { dev = false } = {}) {
  const quiet = { info: () => undefined, error: (...args) => console.error(...args) };
  const { loadedEnvFiles } = nextEnv.loadEnvConfig(dir, dev, quiet, true);
  return loadedEnvFiles.map((file) => file.path);
}

/** A secret made once for a local portal and kept in its data folder. */
export function localSecret(dataDir, name, make = () => randomBytes(32).toString("base64url")) {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = make();
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * The C allocator's setting the portal's process ships with (Dockerfile, `npm start`, the benches and
 * the cluster tests start `node server.js` with it). Without it glibc serves the many 64 kB socket and
 * stream buffers of a busy server from its main heap, and after the load keeps what they freed (between
 * chunks still in use) instead of giving it back: bench:load's portal stayed at 563–601 MiB 90 s after
 * its run, of which `malloc_trim(0)` (through gdb) returned 118 MiB. With blocks of 64 kB and more
 * mapped apart (and so returned when freed) the same run settled at 487–519 MiB, at the same throughput
 * (bench/issue-19-experiments.md, "Memory after the load"). An operator's own GLIBC_TUNABLES wins.
 */
export const SERVER_GLIBC_TUNABLES = "glibc.malloc.mmap_threshold=65536";

/**
 * The environment `node server.js` gets besides its configuration: the allocator setting, unless `source` has one.
 * @param {Record<string, string | undefined>} [source]
 * @returns {Record<string, string>}
 */
export function serverProcessEnv(source = process.env) {
  /** @type {Record<string, string>} */
  const env = {};
  if (!source.GLIBC_TUNABLES) env.GLIBC_TUNABLES = SERVER_GLIBC_TUNABLES;
  return env;
}

/**
 * What `npm start` and `npm run dev` pass to the portal, from the loaded environment `source`:
 * - UPSTREAM_URL set: that upstream, no simulator, and no local defaults for the session settings
 *   (a deployment sets NEXTAUTH_SECRET and NEXTAUTH_URL; the portal refuses to start without them);
 * - UPSTREAM_URL unset: the embedded simulator on SIM_PORT in demo mode, a session secret kept in
 *   DATA_DIR, NEXTAUTH_URL on localhost.
 * The variables that are set always win. No side effects: `localSecretOf` makes the local secrets.
 */
export function startConfig(source, { port, localSecretOf = () => undefined } = {}) {
  port = String(port ?? source.PORT ?? "3000");
  const dataDir = source.DATA_DIR || "./data";
  const embedded = !source.UPSTREAM_URL;
  const simPort = source.SIM_PORT || "4010";
  const env = { DATA_DIR: dataDir, PORT: port };
  if (embedded) {
    env.UPSTREAM_URL = `http://127.0.0.1:${simPort}`;
    env.DEMO_MODE = source.DEMO_MODE || "true";
    env.NEXTAUTH_URL = source.NEXTAUTH_URL || `http://localhost:${port}`;
    env.NEXTAUTH_SECRET = source.NEXTAUTH_SECRET || localSecretOf("auth-secret");
    if (source.DATABASE_URL && !source.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY)
      env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = localSecretOf("actions-key", () => randomBytes(32).toString("base64"));
  }
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return { env, embedded, simPort, port, dataDir };
}
