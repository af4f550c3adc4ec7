/**
 * The cluster the test drives: the wholesaler simulator, two standalone portal instances on one Postgres
 * database (DATABASE_URL from scripts/cluster.mjs) with one session secret and one actions key, and HAProxy
 * in front of them with deploy/haproxy.cfg. Each process writes its output to test-results/cluster/.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

import { serverProcessEnv } from "../scripts/lib/config.mjs";

const offset = Number(process.env.E2E_PORT_OFFSET ?? 0) || 0;
const root = path.resolve(__dirname, "..");
export const LOGS = path.join(root, offset ? `test-results/run-${offset}/cluster` : "test-results/cluster");

export const CLUSTER = {
  simulatorUrl: `http://127.0.0.1:${4145 + offset}`,
  balancerUrl: `http://127.0.0.1:${8000 + offset}`,
  instances: { a: 3140 + offset, b: 3141 + offset } as Record<"a" | "b", number>,
  controlKey: "cluster-control-key",
  serviceToken: "sim-service-token",
  secret: "cluster-secret-0123456789abcdef0123456789abcdef",
  actionsKey: "q1rYH0bX2fPpV9m3kTgk2nq6l2m2g6V1S3G7O0oQm8E=",
  /** Seconds between the catalogue syncs of each instance. */
  syncSeconds: 6,
} as const;

export type InstanceName = "a" | "b";

function standaloneServer(): string {
  return path.join(root, process.env.NEXT_DIST_DIR || ".next", "standalone", "server.js");
}

function logTo(name: string, child: ChildProcess) {
  mkdirSync(LOGS, { recursive: true });
  const file = createWriteStream(path.join(LOGS, `${name}.log`), { flags: "a" });
  child.stdout?.pipe(file);
  child.stderr?.pipe(file);
}

async function waitFor(url: string, ok: (status: number) => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (ok(response.status)) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000} s`);
}

const processes = new Map<string, ChildProcess>();

function start(name: string, command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  logTo(name, child);
  processes.set(name, child);
  child.once("exit", () => {
    if (processes.get(name) === child) processes.delete(name);
  });
  return child;
}

export async function startSimulator(): Promise<void> {
  start("simulator", process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "simulator/main.ts"], {
    SIM_PORT: String(4145 + offset),
    SIM_CONTROL_KEY: CLUSTER.controlKey,
    SIM_PRODUCTS: "300",
  });
  await waitFor(`${CLUSTER.simulatorUrl}/me`, () => true, 180_000);
}

/** Starts one portal instance and waits until it is ready (database, migrations, first sync). */
export async function startInstance(name: InstanceName): Promise<void> {
  const databaseUrl = process.env.CLUSTER_DATABASE_URL;
  if (!databaseUrl) throw new Error("CLUSTER_DATABASE_URL is not set: run the cluster test with npm run test:cluster");
  const port = CLUSTER.instances[name];
  const dataDir = path.join(LOGS, `data-${name}`);
  rmSync(dataDir, { recursive: true, force: true });
  start(`instance-${name}`, process.execPath, [standaloneServer()], {
    ...serverProcessEnv(),
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    UPSTREAM_URL: CLUSTER.simulatorUrl,
    NEXTAUTH_URL: CLUSTER.balancerUrl,
    NEXTAUTH_SECRET: CLUSTER.secret,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: CLUSTER.actionsKey,
    DEMO_MODE: "true",
    SYNC_INTERVAL_MINUTES: String(CLUSTER.syncSeconds / 60),
    STOCK_INTERVAL_SECONDS: "30",
    TRUSTED_PROXY_HOPS: "1",
    SIGN_IN_ATTEMPTS_PER_ADDRESS: "1000",
    LOG_LEVEL: "info",
    // Longer than the wholesaler's 4 s answer of the SIGTERM test's order (cluster.spec.ts): the order in
    // flight ends while the instance still listens, so the confirmation page, asked for on that same
    // instance right after, is still served. With 3 s that depended on when the signal came (a
    // balancer sends that request to the other instance; the test talks to one instance directly).
    SHUTDOWN_DRAIN_SECONDS: "6",
  });
  await waitFor(`http://127.0.0.1:${port}/api/health/ready`, (status) => status === 200, 180_000);
}

export async function startBalancer(): Promise<void> {
  start("haproxy", "haproxy", ["-f", path.join(root, "deploy/haproxy.cfg"), "-db"], {
    PORTAL_LB_BIND: `127.0.0.1:${8000 + offset}`,
    PORTAL_A: `127.0.0.1:${CLUSTER.instances.a}`,
    PORTAL_B: `127.0.0.1:${CLUSTER.instances.b}`,
  });
  await waitFor(`${CLUSTER.balancerUrl}/api/health/ready`, (status) => status === 200, 30_000);
}

/** Sends a signal to an instance this test started; resolves when it has exited. */
export function signalInstance(name: InstanceName, signal: NodeJS.Signals): Promise<number | null> {
  const child = processes.get(`instance-${name}`);
  if (!child || child.exitCode !== null) return Promise.resolve(child?.exitCode ?? null);
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill(signal);
  });
}

export function isRunning(name: InstanceName): boolean {
  const child = processes.get(`instance-${name}`);
  return Boolean(child && child.exitCode === null && child.signalCode === null);
}

/** Stops everything this test started (by the processes' own handles). */
export async function stopAll(): Promise<void> {
  await Promise.all(
    [...processes.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
}

/** The simulator's control API. */
export async function simControl<T = unknown>(method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${CLUSTER.simulatorUrl}/__sim/${route}`, {
    method,
    headers: { "x-sim-key": CLUSTER.controlKey, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator ${method} ${route}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as T;
}

export function instanceLog(name: InstanceName): string {
  try {
    return readFileSync(path.join(LOGS, `instance-${name}.log`), "utf8");
  } catch {
    return "";
  }
}
