// `npm run dev`: next dev with the simulator, for working on the portal.
import { bin, portalEnvironment, printDemoAccounts, run, waitForUrl } from "./lib/processes.mjs";

const port = process.env.PORT ?? "3000";
const { env, embedded } = await portalEnvironment(port);
run("portal", process.execPath, [bin.next, "dev", "-p", port], { env });
await waitForUrl(`http://127.0.0.1:${port}/api/health`, 120_000);
if (embedded) printDemoAccounts(`http://localhost:${port}`);
