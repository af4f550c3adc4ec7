/**
 * A simulator in a process of its own for the benchmarks, so the upstream does not share the
 * measured process's event loop (a real upstream is another machine). Options come as JSON in
 * the first argument; the URL is printed as one JSON line.
 */
import { startSimulator } from "@/simulator/server";

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? "{}") as { products?: number; seed?: string; timeScale?: number };
  const running = await startSimulator({ port: 0, ...options });
  console.log(
    JSON.stringify({
      url: running.url,
      controlKey: running.sim.options.controlKey,
      serviceToken: running.sim.options.serviceToken,
    }),
  );
  const stop = () => void running.close().finally(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

void main();
