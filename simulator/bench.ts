/**
 * `npm run bench:simulator`: starts the simulator (as `npm run simulator` does,
 * in a child process) at 5,000 and 200,000 products and measures startup time
 * and the latency of a product detail and of the full SKU list. Prints a table
 * and writes bench/simulator.md and bench/simulator.json.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Rng } from "./dataset/rng.js";

const ROOT = path.resolve(__dirname, "..");
const TOKEN = "sim-service-token";

interface Series {
  requests: number;
  concurrency: number;
  p50: number;
  p99: number;
  max: number;
  perSecond: number;
}

interface Result {
  products: number;
  startupMs: number;
  readyMs: number;
  rssMb: number | null;
  detailSerial: Series;
  detailLoaded: Series;
  firstListMs: number;
  listBytes: number;
  list: Series;
}

interface Running {
  child: ChildProcess;
  url: string;
  startupMs: number;
  readyMs: number;
}

function start(products: number): Promise<Running> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "simulator/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, SIM_PORT: "0", SIM_PRODUCTS: String(products) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.once("exit", (code) => reject(new Error(`simulator exited with ${code} before listening`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /on (http:\/\/\S+) .*ready in (\d+) ms/.exec(output);
      if (match?.[1]) {
        child.removeAllListeners("exit");
        resolve({ child, url: match[1], startupMs: performance.now() - started, readyMs: Number(match[2]) });
      }
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

function rssMb(pid: number | undefined): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** GET, reading the whole body (kept only if asked for). */
function get(url: string, keep = false): Promise<{ bytes: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { Authorization: `Bearer ${TOKEN}` } }, (response) => {
        let bytes = 0;
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
          if (keep) chunks.push(chunk);
        });
        response.on("end", () =>
          response.statusCode === 200
            ? resolve({ bytes, body: Buffer.concat(chunks).toString("utf8") })
            : reject(new Error(`${url}: ${response.statusCode}`)),
        );
      })
      .on("error", reject);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

async function load(next: () => string, requests: number, concurrency: number): Promise<Series> {
  const latencies: number[] = [];
  let issued = 0;
  const started = performance.now();
  const worker = async () => {
    while (issued < requests) {
      issued++;
      const t0 = performance.now();
      await get(next());
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    requests,
    concurrency,
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies[latencies.length - 1] ?? 0),
    perSecond: Math.round(requests / seconds),
  };
}

async function bench(products: number): Promise<Result> {
  const running = await start(products);
  try {
    const { url } = running;
    const firstStarted = performance.now();
    const first = await get(`${url}/products`, true);
    const firstListMs = Math.round(performance.now() - firstStarted);
    const list = JSON.parse(first.body) as Array<{ sku: string }>;
    const rng = new Rng(products);
    const randomDetail = () => `${url}/products/${encodeURIComponent(list[rng.int(0, list.length - 1)]?.sku ?? "")}`;

    await load(randomDetail, 500, 4); // warm-up
    const detailSerial = await load(randomDetail, 2_000, 1);
    const detailLoaded = await load(randomDetail, 10_000, 8);
    const big = products > 50_000;
    const listSeries = await load(() => `${url}/products`, big ? 20 : 200, big ? 2 : 4);
    return {
      products,
      startupMs: Math.round(running.startupMs),
      readyMs: running.readyMs,
      rssMb: rssMb(running.child.pid),
      detailSerial,
      detailLoaded,
      firstListMs,
      listBytes: first.bytes,
      list: listSeries,
    };
  } finally {
    await stop(running.child);
  }
}

function table(results: Result[]): string {
  const rows = [
    ["products", ...results.map((r) => r.products.toLocaleString("en"))],
    ["startup, spawn to listening (ms)", ...results.map((r) => String(r.startupMs))],
    ["startup, inside the process (ms)", ...results.map((r) => String(r.readyMs))],
    ["memory after the run (RSS MB)", ...results.map((r) => String(r.rssMb ?? "n/a"))],
    [
      "product detail, 1 client: p50 / p99 (ms)",
      ...results.map((r) => `${r.detailSerial.p50} / ${r.detailSerial.p99}`),
    ],
    [
      "product detail, 8 clients: p50 / p99 (ms)",
      ...results.map((r) => `${r.detailLoaded.p50} / ${r.detailLoaded.p99}`),
    ],
    ["product detail, 8 clients: requests/s", ...results.map((r) => String(r.detailLoaded.perSecond))],
    ["SKU list, first (built) (ms)", ...results.map((r) => String(r.firstListMs))],
    ["SKU list, size (MB)", ...results.map((r) => (r.listBytes / 1_048_576).toFixed(1))],
    [
      "SKU list: p50 / p99 (ms)",
      ...results.map(
        (r) => `${r.list.p50} / ${r.list.p99} (${r.list.concurrency} clients, ${r.list.requests} requests)`,
      ),
    ],
  ];
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? "").length))) ?? [];
  const line = (row: string[]) => `| ${row.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join(" | ")} |`;
  return [line(rows[0] ?? []), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.slice(1).map(line)].join(
    "\n",
  );
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg()[0] ?? 0;
  const results: Result[] = [];
  for (const products of [5_000, 200_000]) {
    console.log(`benchmarking ${products.toLocaleString("en")} products ...`);
    results.push(await bench(products));
  }
  agent.destroy();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "cpu"}, Node ${process.version}`;
  const busy = `load average ${loadBefore.toFixed(1)} before and ${(os.loadavg()[0] ?? 0).toFixed(1)} after the run`;
  const output = table(results);
  console.log(`\n${output}\n`);
  const markdown = [
    "# Simulator benchmark",
    "",
    `\`npm run bench:simulator\` on ${new Date().toISOString().slice(0, 10)}, ${machine}, ${busy}.`,
    "The simulator runs as `npm run simulator` does (own process, default time scale, so the catalogue",
    "changes every second), the client in the benchmark process over keep-alive HTTP on loopback.",
    "Product details are random SKUs (mostly uncached at 200,000); the SKU list is the full unfiltered list.",
    "",
    output,
    "",
  ].join("\n");
  writeFileSync(path.join(ROOT, "bench", "simulator.md"), markdown);
  writeFileSync(
    path.join(ROOT, "bench", "simulator.json"),
    `${JSON.stringify({ machine, load: busy, results }, null, 2)}\n`,
  );
  console.log("wrote bench/simulator.md and bench/simulator.json");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
