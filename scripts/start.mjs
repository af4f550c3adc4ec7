// `npm start`: the portal at http://localhost:3000 with the embedded simulator and database.
// .env is loaded as Next loads it; with UPSTREAM_URL set (there or in the environment) no simulator is
// started and the portal talks to that upstream. The portal runs from the standalone build (scripts/build.mjs),
// the same folder the tests start and the container ships.
import path from "node:path";

import { build, standaloneDir } from "./build.mjs";
import { buildIsCurrent } from "./lib/build-state.mjs";
import { loadDotEnv, serverProcessEnv, startConfig } from "./lib/config.mjs";
import { portalEnvironment, printDemoAccounts, run, waitForUrl } from "./lib/processes.mjs";

loadDotEnv();
if (process.argv.includes("--print-config")) {
  // What this start would run, secrets left out (the configuration test reads it).
  const { env, embedded } = startConfig(process.env, { port: process.env.PORT ?? "3000" });
  const shown = { ...process.env, ...env };
  const names = ["UPSTREAM_URL", "NEXTAUTH_URL", "DATA_DIR", "DATABASE_URL", "PORT", "DEMO_MODE"];
  console.log(JSON.stringify({ embedded, env: Object.fromEntries(names.map((name) => [name, shown[name] ?? null])) }));
  process.exit(0);
}
const { env, embedded } = await portalEnvironment(process.env.PORT ?? "3000");

if (!buildIsCurrent()) {
  console.log("Building the portal (only when the sources changed)…");
  await build();
}

// The standalone server changes into its own folder: the data folder is passed as an absolute path.
run("portal", process.execPath, [path.join(standaloneDir(), "server.js")], {
  env: {
    ...serverProcessEnv(),
    ...env,
    DATA_DIR: path.resolve(env.DATA_DIR ?? process.env.DATA_DIR ?? "./data"),
    HOSTNAME: "0.0.0.0",
  },
});
await waitForUrl(`http://127.0.0.1:${env.PORT}/api/health/live`);
if (embedded) printDemoAccounts(`http://localhost:${env.PORT}`);
