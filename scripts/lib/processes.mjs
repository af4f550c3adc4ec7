// Helpers of the start, dev and test scripts: child processes that end together, and waiting for a URL.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const children = new Set();
let stopping = false;

/** Starts a child that shares our terminal; when any child dies, everything stops. */
export function run(name, command, args, { env = {}, keepAlive = true } = {}) {
  const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  children.add(child);
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (!keepAlive || stopping) return;
    console.error(`[${name}] stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
    stopAll(code ?? 1);
  });
  return child;
}

/** Runs a command to completion; rejects when it fails. */
export function runToEnd(command, args, { env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited ${code}`)),
    );
    child.on("error", reject);
  });
}

export function stopAll(code = 0) {
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 1500).unref();
  if (children.size === 0) process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopAll(0));

/** Polls a URL until it answers at all (any HTTP status), or fails after `timeoutMs`. */
export async function waitForUrl(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** The session secret of a portal started without configuration: made once, kept in the data folder. */
export function localAuthSecret(dataDir) {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export const DEMO_ACCOUNTS = [
  ["dealer@acme.example", "demo1234", "dealer of Acme Corporation (EA00001)"],
  ["admin@wholesaler.example", "demo1234", "wholesaler staff: acts for any customer"],
  ["limited@bakker.example", "demo1234", "dealer of Bakker Campers (EA00002), no product list"],
];

export function printDemoAccounts(url) {
  console.log(`\n  Dealer portal: ${url}\n\n  Demo accounts (password demo1234):`);
  for (const [email, , what] of DEMO_ACCOUNTS) console.log(`    ${email.padEnd(28)} ${what}`);
  console.log("");
}

export const bin = {
  next: path.resolve("node_modules/next/dist/bin/next"),
  tsx: path.resolve("node_modules/tsx/dist/cli.mjs"),
};

/**
 * The environment of a portal started by `npm start` or `npm run dev`: a local session
 * secret, and, without UPSTREAM_URL, the embedded simulator (started here) in demo mode.
 */
export async function portalEnvironment(port) {
  const dataDir = process.env.DATA_DIR ?? "./data";
  const env = {
    DATA_DIR: dataDir,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? localAuthSecret(dataDir),
  };
  const embedded = !process.env.UPSTREAM_URL;
  if (embedded) {
    const simPort = process.env.SIM_PORT ?? "4010";
    env.UPSTREAM_URL = `http://127.0.0.1:${simPort}`;
    env.DEMO_MODE = "true";
    run("simulator", process.execPath, [bin.tsx, "simulator/main.ts"], { env: { SIM_PORT: simPort } });
    await waitForUrl(env.UPSTREAM_URL);
  }
  return { env, embedded };
}
