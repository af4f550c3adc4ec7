// `npm start`: the portal at http://localhost:3000 with the embedded simulator and database.
// With UPSTREAM_URL set, no simulator is started and the portal talks to that upstream.
import { buildIsCurrent } from "./lib/build-state.mjs";
import { bin, portalEnvironment, printDemoAccounts, run, runToEnd, waitForUrl } from "./lib/processes.mjs";

const port = process.env.PORT ?? "3000";
const { env, embedded } = await portalEnvironment(port);

if (!buildIsCurrent()) {
  console.log("Building the portal (only when the sources changed)…");
  await runToEnd(process.execPath, [bin.next, "build"], { env });
}

run("portal", process.execPath, [bin.next, "start", "-p", port], { env });
await waitForUrl(`http://127.0.0.1:${port}/api/health`);
if (embedded) printDemoAccounts(`http://localhost:${port}`);
