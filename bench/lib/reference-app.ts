import { spawn, spawnSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import path from "node:path";

import { freePort } from "./portal";

const SOURCE = path.join(process.cwd(), "bench", "reference-app");

export interface ReferenceApp {
  url: string;
  stop(): Promise<void>;
}

/**
 * The project's packages in `dir`'s node_modules, as hard links (a copy across file systems): Turbopack
 * resolves only inside its root, so an app built in a folder of its own needs them there. Returns the folder.
 */
export function linkProjectPackages(dir: string): string {
  const modules = path.join(dir, "node_modules");
  rmSync(modules, { recursive: true, force: true });
  if (spawnSync("cp", ["-al", "node_modules", modules]).status !== 0) {
    rmSync(modules, { recursive: true, force: true });
    if (spawnSync("cp", ["-r", "node_modules", modules]).status !== 0) throw new Error(`cannot copy node_modules to ${dir}`);
  }
  return modules;
}

/**
 * Builds bench/reference-app (an empty app router page rendered per request, and a trivial route handler)
 * from a copy in bench/tmp, so that `next build` writes nothing into the project, with the project's
 * Next.js and React, and starts it under `next start`: what the framework alone costs on this host.
 */
export async function startReferenceApp(
  options: {
    /** Another app to build and start the same way (bench/experiments/…). */
    source?: string;
    /** Its folder's name under bench/tmp. */
    name?: string;
    /** Variables of its build and its server. */
    env?: Record<string, string>;
  } = {},
): Promise<ReferenceApp> {
  const source = options.source ?? SOURCE;
  const dir = path.join(process.cwd(), "bench", "tmp", options.name ?? "reference-app");
  cpSync(source, dir, { recursive: true });
  const modules = linkProjectPackages(dir);
  const env = { ...process.env, NEXT_DIST_DIR: ".next", NEXT_TELEMETRY_DISABLED: "1", ...options.env };
  const next = path.join(modules, "next/dist/bin/next");
  console.log("  building the reference app…");
  const build = spawnSync(process.execPath, [next, "build", dir], { stdio: ["ignore", "ignore", "inherit"], env });
  if (build.status !== 0) throw new Error(`next build of ${path.relative(process.cwd(), source)} failed`);
  const port = await freePort();
  const child = spawn(process.execPath, [next, "start", dir, "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...env, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  // Never left behind: a bench that ends or fails takes the app with it.
  process.once("exit", () => child.kill("SIGKILL"));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the reference app exited (${child.exitCode})`);
    if (await fetch(`${url}/api/health`).then((response) => response.ok, () => false)) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error("the reference app did not answer within 60 s");
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { url, stop };
}
