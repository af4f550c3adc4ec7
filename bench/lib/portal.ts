import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

import { buildIsCurrent } from "../../scripts/lib/build-state.mjs";
import { serverProcessEnv } from "../../scripts/lib/config.mjs";

/** The production build's folder: NEXT_DIST_DIR as the project's scripts use it, `.next` by default. */
export function distDir(): string {
  return process.env.NEXT_DIST_DIR || ".next";
}

/** The folder that ships (scripts/build.mjs): `node server.js` there runs the portal. */
export function standaloneDir(dir = distDir()): string {
  return path.resolve(dir, "standalone");
}

export interface BuildInfo {
  distDir: string;
  buildId: string;
  /** Whether this run built the portal, and how long it took. */
  built: boolean;
  buildSeconds: number | null;
  /** When the build used was made. */
  builtAt: string;
  /** Whether no source file was newer than the build when it was used. */
  current: boolean;
}

/** `--no-build`: never build; `--rebuild`: also build when the sources are newer; default: build only when missing. */
export type BuildPolicy = "never" | "if-missing" | "if-stale";

export function buildPolicy(argv: string[] = process.argv): BuildPolicy {
  if (argv.includes("--no-build")) return "never";
  return argv.includes("--rebuild") ? "if-stale" : "if-missing";
}

/** Other `next build` processes of this working tree writing into `dir` (others share the tree). */
function otherBuilds(dir: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      const isBuild = args.some((arg) => arg.endsWith("next/dist/bin/next")) && args.includes("build");
      if (!isBuild) continue;
      const cwd = readlinkSync(`/proc/${entry}/cwd`);
      const env = readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      const theirDir = env.find((line) => line.startsWith("NEXT_DIST_DIR="))?.slice(14) || ".next";
      if (path.resolve(cwd, theirDir) === path.resolve(dir)) found.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

/**
 * The production build the benchmarks run against, in NEXT_DIST_DIR or `.next`. Built when it is
 * missing (with `--rebuild` also when older than the sources, as `npm start` decides); the report
 * says whether the build used was current. Waits while another `next build` writes into the same
 * folder, so that a benchmark never measures, or builds over, a half-written build.
 */
export async function ensureBuild(policy: BuildPolicy = buildPolicy()): Promise<BuildInfo> {
  const dir = distDir();
  const idFile = path.join(dir, "BUILD_ID");
  for (let waited = 0; otherBuilds(dir).length; waited++) {
    if (waited === 0) console.log(`  another next build is writing into ${dir}: waiting for it…`);
    if (waited > 1_200) throw new Error(`another next build kept writing into ${dir} for 20 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  let built = false;
  let buildSeconds: number | null = null;
  // The standalone folder is what ships (scripts/build.mjs): without its server.js the build is not whole.
  const missing = !existsSync(idFile) || !existsSync(path.join(standaloneDir(dir), "server.js"));
  if (missing || (policy === "if-stale" && !buildIsCurrent())) {
    if (policy === "never")
      throw new Error(`no whole build in ${dir} (BUILD_ID, standalone/server.js): run without --no-build to build`);
    console.log(`  building the portal into ${dir} (${missing ? "no build yet" : "older than the sources"})…`);
    const started = performance.now();
    // scripts/build.mjs awaits at its top level: imported when needed, not at load.
    const { build } = await import("../../scripts/build.mjs");
    await build();
    buildSeconds = Math.round(performance.now() - started) / 1000;
    built = true;
  }
  return {
    distDir: dir,
    buildId: readFileSync(idFile, "utf8").trim(),
    built,
    buildSeconds,
    builtAt: statSync(idFile).mtime.toISOString(),
    current: buildIsCurrent(),
  };
}

/** How a report names the build it measured. */
export function buildLine(build: BuildInfo): string {
  if (build.built) return `built in this run, ${build.buildSeconds} s`;
  return `existing build of ${build.builtAt}, ${build.current ? "current with the sources" : "**older than some sources** (`--rebuild` builds it again)"}`;
}

/** A free TCP port on the loopback interface (listen on 0, then release it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

export interface ProcessMemory {
  pid: number;
  command: string;
  rssBytes: number;
}

function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** The resident memory of processes (a `treeMemory()`), in MiB. */
export function rssMiB(memory: ProcessMemory[]): number {
  return Math.round(memory.reduce((total, process) => total + process.rssBytes, 0) / 1024 / 1024);
}

/** Resident memory of a process and all its descendants, from /proc (Linux). */
export function treeMemory(pid: number): ProcessMemory[] {
  const result: ProcessMemory[] = [];
  const queue = [pid];
  while (queue.length) {
    const current = queue.shift()!;
    try {
      const status = readFileSync(`/proc/${current}/status`, "utf8");
      const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const command = readFileSync(`/proc/${current}/cmdline`, "utf8").split("\0").join(" ").trim().slice(0, 120);
      result.push({ pid: current, command, rssBytes: rssKb * 1024 });
    } catch {
      continue;
    }
    queue.push(...childrenOf(current));
  }
  return result;
}

export interface Portal {
  url: string;
  pid: number;
  /** Resident memory of the portal's process tree now. */
  memory(): ProcessMemory[];
  /** The last lines the portal printed (for errors). */
  output(): string[];
  stop(): Promise<void>;
}

/**
 * Starts the production build as it ships (the standalone folder's server.js, scripts/build.mjs: Next's
 * server inside the portal's wrapper; one process group of our own) against an upstream
 * and a data folder, with the background sync off, and waits until /api/health?catalogue says the
 * mirror is ready.
 */
export async function startPortal(options: {
  upstreamUrl: string;
  dataDir: string;
  env?: Record<string, string>;
  /** Wait until the catalogue mirror is ready (default true); false for an empty database. */
  requireCatalogue?: boolean;
  /** Options of the portal's Node process (e.g. `--cpu-prof`, which NODE_OPTIONS does not take). */
  nodeArgs?: string[];
  /** The standalone folder to run (default: that of NEXT_DIST_DIR's build). */
  standalone?: string;
  /** Each line the portal prints, as it prints it (`output()` keeps only the last 200). */
  onLine?: (line: string) => void;
}): Promise<Portal> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const lines: string[] = [];
  const server = path.join(options.standalone ?? standaloneDir(distDir()), "server.js");
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), server], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      // As it ships (Dockerfile, npm start): glibc's allocator setting, unless the bench's environment has its own.
      ...serverProcessEnv(),
      NODE_ENV: "production",
      UPSTREAM_URL: options.upstreamUrl,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      // The standalone server changes into its own folder.
      DATA_DIR: path.resolve(options.dataDir),
      DEMO_MODE: "true",
      SYNC_INTERVAL_MINUTES: "0",
      ...options.env,
    },
  });
  // A line's start kept until its end arrives, per stream, for onLine.
  const partial = { stdout: "", stderr: "" };
  const whole = (stream: keyof typeof partial, chunk: Buffer) => {
    const text = partial[stream] + chunk.toString();
    const end = text.lastIndexOf("\n");
    partial[stream] = text.slice(end + 1);
    if (end >= 0) text.slice(0, end).split("\n").filter(Boolean).forEach(options.onLine!);
  };
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split("\n").filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  if (options.onLine) {
    child.stdout?.on("data", (chunk: Buffer) => whole("stdout", chunk));
    child.stderr?.on("data", (chunk: Buffer) => whole("stderr", chunk));
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error("the portal did not start");

  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          // already gone
        }
      }, 10_000);
      child.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      try {
        process.kill(-pid, "SIGTERM");
      } catch {
        clearTimeout(force);
        resolve();
      }
    });

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the portal exited (${child.exitCode}):\n${lines.join("\n")}`);
    try {
      // `?catalogue` opens the database from a route handler, as the test harness does, and says
      // whether the mirror is ready. (Opened first by a page render, PGlite's pg_trgm extension is
      // not found in this build: see bench/catalog-queries.md.)
      const response = await fetch(`${url}/api/health?catalogue`, { signal: AbortSignal.timeout(30_000) });
      const body = (await response.json().catch(() => ({}))) as { catalogueReady?: boolean };
      if (response.ok && (body.catalogueReady || options.requireCatalogue === false)) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the portal's /api/health?catalogue did not say ready within 120 s:\n${lines.join("\n")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, pid, memory: () => treeMemory(pid), output: () => [...lines], stop };
}

/**
 * Two users of one customer in the simulator's demo data who may list products (limited@bakker.example
 * may not: its category pages and suggestions answer "order by code" and 403). The benches that sign
 * many sessions in alternate them.
 */
export const DEALER_ACCOUNTS = [
  { email: "dealer@acme.example", password: "demo1234" },
  { email: "warehouse@acme.example", password: "demo1234" },
] as const;

/** Cookies a response sets, added to a jar (name → value). */
function absorbCookies(jar: Map<string, string>, response: Response): void {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const index = pair?.indexOf("=") ?? -1;
    if (!pair || index <= 0) continue;
    jar.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
  }
}

/**
 * Signs in through next-auth's credentials provider as a browser does (CSRF token, then the
 * password callback) and answers the Cookie header of the session.
 */
/** `count` sessions signed in through next-auth, the dealer accounts in turn: their cookies. */
export async function signInSessions(url: string, count: number): Promise<string[]> {
  console.log(`  signing in ${count} sessions…`);
  const cookies: string[] = [];
  for (let i = 0; i < count; i++) {
    const account = DEALER_ACCOUNTS[i % DEALER_ACCOUNTS.length]!;
    cookies.push(await signIn(url, account.email, account.password));
  }
  return cookies;
}

export async function signIn(url: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${url}/api/auth/csrf`);
  absorbCookies(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const response = await fetch(`${url}/api/auth/callback/password`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${url}/` }),
  });
  absorbCookies(jar, response);
  const text = await response.text();
  if (![...jar.keys()].some((name) => name.includes("next-auth.session-token"))) {
    throw new Error(`sign-in of ${email} failed: ${response.status} ${text.slice(0, 200)}`);
  }
  return cookie();
}

/** The script files (`static/chunks/….js`) an HTML page of the portal loads, sorted. */
export function pageScripts(html: string): string[] {
  return [...new Set([...html.matchAll(/\/_next\/(static\/chunks\/[^"'?\s\\]+\.js)/g)].map((match) => match[1] ?? ""))]
    .filter(Boolean)
    .sort();
}

/** One GET, timed to the last byte of the body. */
export async function timedGet(
  url: string,
  cookie: string,
): Promise<{ ms: number; status: number; bytes: number; body: string }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { Cookie: cookie }, redirect: "manual" });
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, bytes: body.length, body };
}
