// `npm run dev`: next dev with the simulator, for working on the portal. .env is loaded as Next loads it.
import { loadDotEnv } from "./lib/config.mjs";
import { bin, portalEnvironment, printDemoAccounts, run, waitForUrl } from "./lib/processes.mjs";

loadDotEnv(process.cwd(), { dev: true });
const { env, embedded } = await portalEnvironment(process.env.PORT ?? "3000");
run("portal", process.execPath, [bin.next, "dev", "-p", env.PORT], { env });
await waitForUrl(`http://127.0.0.1:${env.PORT}/api/health/live`, 120_000);
if (embedded) printDemoAccounts(`http://localhost:${env.PORT}`);
