// `npm run dev`: next dev with the simulator, for working on the portal.
import { bin, localAuthSecret, printDemoAccounts, run, waitForUrl } from "./lib/processes.mjs";

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
run("portal", process.execPath, [bin.next, "dev", "-p", port], { env });
await waitForUrl(`http://127.0.0.1:${port}/api/health`, 120_000);
printDemoAccounts(`http://localhost:${port}`);
