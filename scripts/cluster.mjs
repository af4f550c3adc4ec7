// `npm run test:cluster`: the portal as it runs for real (e2e-cluster/, playwright.cluster.config.ts). Uses the
// standalone build the e2e suite uses (built when missing or stale), a Postgres database, HAProxy and Chromium
// from Debian. The database: CLUSTER_DATABASE_URL if set; else a new database on TEST_DATABASE_URL's server
// (CI starts one with .ci/postgres.sh); else, as root, a throwaway server started here with .ci/postgres.sh.
// `--bench` (npm run bench:cluster) runs bench/cluster.ts on the same set-up instead of the tests.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

import pg from "pg";

import { ensureBuild, ensureChromium } from "./e2e.mjs";
import { loadDotEnv } from "./lib/config.mjs";
import { runToEnd } from "./lib/processes.mjs";

loadDotEnv();
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0) || 0;
const cleanups = [];

async function database() {
  if (process.env.CLUSTER_DATABASE_URL) return process.env.CLUSTER_DATABASE_URL;
  let server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const env = {
      ...process.env,
      PORTAL_CI_POSTGRES_PORT: String(5550 + (offset % 50)),
      PORTAL_CI_POSTGRES_DIR: `/tmp/portal-cluster-postgres-${offset}`,
    };
    console.log("--- starting a throwaway PostgreSQL server for the cluster");
    server = execFileSync("bash", [".ci/postgres.sh"], { env, encoding: "utf8" }).trim();
    cleanups.push(() => execFileSync("bash", [".ci/postgres.sh", "stop"], { env, stdio: "inherit" }));
  }
  const name = `portal_cluster_${offset}_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  cleanups.unshift(async () => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  });
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

if (!existsSync("/usr/sbin/haproxy") && !existsSync("/usr/bin/haproxy")) {
  console.error("HAProxy is missing: apt-get install haproxy (.ci/run does).");
  process.exit(1);
}
await ensureChromium();
await ensureBuild();
let code = 0;
try {
  const databaseUrl = await database();
  const bench = process.argv.includes("--bench");
  const args = bench
    ? ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "bench/cluster.ts"]
    : [
        "node_modules/@playwright/test/cli.js",
        "test",
        "--config",
        "playwright.cluster.config.ts",
        ...process.argv.slice(2),
      ];
  await runToEnd(process.execPath, args, { env: { CLUSTER_DATABASE_URL: databaseUrl } });
} catch (error) {
  console.error(error.message);
  code = 1;
} finally {
  for (const cleanup of cleanups) {
    try {
      await cleanup();
    } catch (error) {
      console.error(`cleanup: ${error.message}`);
    }
  }
}
process.exit(code);
