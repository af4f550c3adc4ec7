/** Runs a simulator on a port (0 = any free one), for the CLI, tests and the portal's start scripts. */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createSimulator, type Simulator } from "./app.js";
import type { SimulatorOptions } from "./options.js";

export interface RunningSimulator {
  /** Base URL, e.g. http://127.0.0.1:4010 (the API is at its root). */
  url: string;
  port: number;
  sim: Simulator;
  close(): Promise<void>;
}

export function startSimulator(
  options: SimulatorOptions & { port?: number; hostname?: string } = {},
): Promise<RunningSimulator> {
  const { port = 0, hostname = "127.0.0.1", ...simOptions } = options;
  const sim = createSimulator(simOptions);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: sim.app.fetch, port, hostname });
    server.once("error", reject);
    server.once("listening", () => {
      server.off("error", reject);
      const address = server.address() as AddressInfo;
      const host = hostname.includes(":") ? `[${hostname}]` : hostname;
      resolve({
        url: `http://${host}:${address.port}`,
        port: address.port,
        sim,
        close: () =>
          new Promise<void>((done, fail) => {
            sim.faults.releaseHung();
            server.close((error) => (error ? fail(error) : done()));
            if ("closeAllConnections" in server) server.closeAllConnections();
          }),
      });
    });
  });
}
