// Helpers of the start, dev and test scripts: child processes that end together, and waiting for a URL.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { localSecret, startConfig } from "./config.mjs";

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

export const DEMO_ACCOUNTS = [
  ["dealer@acme.example", "demo1234", "dealer of Acme Corporation (EA00001)"],
  ["warehouse@acme.example", "demo1234", "a second user of Acme Corporation (EA00001)"],
  ["admin@wholesaler.example", "demo1234", "wholesaler staff: acts for any customer"],
  ["limited@bakker.example", "demo1234", "dealer of Bakker Campers (EA00002), no product list"],
];

export function printDemoAccounts(url) {
  console.log(`\n  Dealer portal: ${url}\n\n  Demo accounts (password demo1234):`);
  for (const [email, , what] of DEMO_ACCOUNTS) console.log(`    ${email.padEnd(28)} ${what}`);
  console.log("");
}

const modules = fileURLToPath(new URL("../../node_modules/", import.meta.url));

export const bin = {
  next: path.join(modules, "next/dist/bin/next"),
  tsx: path.join(modules, "tsx/dist/cli.mjs"),
};

/**
 * The environment of a portal started by `npm start` or `npm run dev`, from the loaded environment
 * (see startConfig in config.mjs); without UPSTREAM_URL the embedded simulator is started here.
 */
export async function portalEnvironment(port) {
  const { env, embedded, simPort, dataDir } = startConfig(process.env, {
    port,
    localSecretOf: (name, make) => localSecret(process.env.DATA_DIR || "./data", name, make),
  });
  if (embedded) {
    run("simulator", process.execPath, [bin.tsx, "simulator/main.ts"], { env: { SIM_PORT: simPort } });
    await waitForUrl(env.UPSTREAM_URL);
  }
  return { env, embedded, dataDir };
}
