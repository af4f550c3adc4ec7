/**
 * `npm run bench:cluster`: signed-in page loads through HAProxy against one instance and against two, side by
 * side in one run (same build, same Postgres database, same simulator), written to bench/cluster.json and
 * bench/cluster.md. Needs what the cluster test needs: `CLUSTER_DATABASE_URL` (or run it through
 * `node scripts/cluster.mjs --bench`), HAProxy, the standalone build.
 *
 * A smaller load than `bench:load` (its visit mix needs the catalogue mirror of its own bench): every
 * connection is a signed-in dealer loading /cart and /orders in turn, no think time.
 */
import "./lib/dotenv";
import os from "node:os";

import autocannon from "autocannon";

import { runBench, writeBenchResult } from "./lib/result";
import { CLUSTER, signalInstance, startBalancer, startInstance, startSimulator, stopAll } from "../e2e-cluster/cluster";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);

async function sessionCookie(): Promise<string> {
  const csrf = await fetch(`${CLUSTER.balancerUrl}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await fetch(`${CLUSTER.balancerUrl}/api/auth/callback/password`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email: "dealer@acme.example", password: "demo1234", csrfToken, json: "true" }),
  });
  jar.push(...answer.headers.getSetCookie().map((cookie) => cookie.split(";")[0]));
  return jar.join("; ");
}

interface Figures {
  instances: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  errors: number;
  non2xx: number;
}

async function measure(instances: number, cookie: string): Promise<Figures> {
  const result = await autocannon({
    url: CLUSTER.balancerUrl,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: SECONDS,
    requests: [
      { method: "GET", path: "/cart", headers: { cookie } },
      { method: "GET", path: "/orders", headers: { cookie } },
    ],
  });
  const latency = result.latency as unknown as Record<string, number>;
  return {
    instances,
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    p50: latency.p50 ?? 0,
    // autocannon reports p90 and p97.5; p95 is taken between them (linear).
    p95: Math.round(((latency.p90 ?? 0) + (latency.p97_5 ?? 0)) / 2),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function main() {
  await startSimulator();
  await Promise.all([startInstance("a"), startInstance("b")]);
  await startBalancer();
  const cookie = await sessionCookie();
  // Warm both instances' pages first.
  await autocannon({ url: `${CLUSTER.balancerUrl}/cart`, connections: 2, duration: 3, headers: { cookie } });
  const two = await measure(2, cookie);
  // One instance: b stopped (SIGTERM); the balancer's check takes it out.
  await signalInstance("b", "SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const one = await measure(1, cookie);
  await stopAll();
  const report = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)} at the end`,
    seconds: SECONDS,
    connections: CONNECTIONS,
    one,
    two,
    throughputRatio: Math.round((two.requestsPerSecond / one.requestsPerSecond) * 100) / 100,
    p95Ratio: Math.round((two.p95 / Math.max(1, one.p95)) * 100) / 100,
  };
  writeBenchResult(
    "cluster",
    report,
    [
      "## Cluster: one instance against two behind HAProxy",
      "",
      `${report.date}; ${report.machine}; ${CONNECTIONS} signed-in connections for ${SECONDS} s each, /cart and /orders in turn, through HAProxy (round robin), Postgres, the simulator. The client, the balancer, both instances, Postgres and the simulator share the machine's cores, so two instances cannot get more CPU than one: the ratio says what the balancer and a second process cost or gain here, not what a second machine would.`,
      "",
      "| instances | requests/s | p50 ms | p95 ms | errors | non-2xx |",
      "| --------- | ---------- | ------ | ------ | ------ | ------- |",
      ...[one, two].map(
        (f) => `| ${f.instances} | ${f.requestsPerSecond} | ${f.p50} | ${f.p95} | ${f.errors} | ${f.non2xx} |`,
      ),
      "",
      `Two against one: throughput × ${report.throughputRatio}, p95 × ${report.p95Ratio}.`,
      "",
    ].join("\n"),
    `one: ${one.requestsPerSecond} req/s p95 ${one.p95} ms; two: ${two.requestsPerSecond} req/s p95 ${two.p95} ms`,
  );
}

runBench(main, stopAll);
