import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

export interface SimProcess {
  url: string;
  serviceToken: string;
  control<T = unknown>(method: string, route: string, body?: unknown): Promise<T>;
  stats(): Promise<{ total: number; routes: Record<string, number>; statuses: Record<string, number> }>;
  stop(): Promise<void>;
}

/** Starts the simulator in a child process (frozen clock) and waits for its URL. */
export async function startSimProcess(options: { products: number; seed?: string }): Promise<SimProcess> {
  const tsx = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  const child: ChildProcess = spawn(
    process.execPath,
    [
      tsx,
      "bench/lib/sim-child.ts",
      JSON.stringify({ products: options.products, seed: options.seed ?? "bench", timeScale: 0 }),
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const lines = createInterface({ input: child.stdout! });
  const info = await new Promise<{ url: string; controlKey: string; serviceToken: string }>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`simulator exited (${code})`)));
    lines.once("line", (line) =>
      resolve(JSON.parse(line) as { url: string; controlKey: string; serviceToken: string }),
    );
  });
  const control = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${info.url}/__sim/${route}`, {
      method,
      headers: { "x-sim-key": info.controlKey, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`simulator ${method} ${route}: ${response.status}`);
    return (await response.json()) as T;
  };
  return {
    url: info.url,
    serviceToken: info.serviceToken,
    control,
    stats: () => control("GET", "stats"),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
