// `npm start`: the portal at http://localhost:3000 with the embedded simulator and database.
// With UPSTREAM_URL set, no simulator is started and the portal talks to that upstream.
import { buildIsCurrent } from "./lib/build-state.mjs";
import { bin, localAuthSecret, printDemoAccounts, run, runToEnd, waitForUrl } from "./lib/processes.mjs";

const port = process.env.PORT ?? "3000";
const dataDir = process.env.DATA_DIR ?? "./data";
const env = {
  DATA_DIR: dataDir,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? localAuthSecret(dataDir),
};

if (!process.env.UPSTREAM_URL) {
  const simPort = process.env.SIM_PORT ?? "4010";
  env.UPSTREAM_URL = `http://127.0.0.1:${simPort}`;
  env.DEMO_MODE = "true";
  run("simulator", process.execPath, [bin.tsx, "simulator/main.ts"], { env: { SIM_PORT: simPort } });
  await waitForUrl(env.UPSTREAM_URL);
}

if (!buildIsCurrent()) {
  console.log("Building the portal (only when the sources changed)…");
  await runToEnd(process.execPath, [bin.next, "build"], { env });
}

run("portal", process.execPath, [bin.next, "start", "-p", port], { env });
await waitForUrl(`http://127.0.0.1:${port}/api/health`);
if (!process.env.UPSTREAM_URL) printDemoAccounts(`http://localhost:${port}`);
