/** `npm run simulator`: the simulator alone, configured by SIM_* variables. */
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./auth.js";
import { optionsFromEnv } from "./options.js";
import { startSimulator } from "./server.js";

async function main(): Promise<void> {
  const started = performance.now();
  const running = await startSimulator(optionsFromEnv(process.env));
  const o = running.sim.options;
  console.log(
    `Wholesaler simulator on ${running.url} (${o.products} products, seed ${o.seed}, ${o.timeScale}x time, ready in ${Math.round(performance.now() - started)} ms)` +
      ` – users ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")} / ${DEMO_PASSWORD}; service token ${o.serviceToken}; control key ${o.controlKey}`,
  );

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("[simulator] error while closing:", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  console.error("[simulator] failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
