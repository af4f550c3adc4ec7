import { defineConfig, devices } from "@playwright/test";

import { CLUSTER, LOGS } from "./e2e-cluster/cluster";
import { CHROMIUM_ARGS, testBrowser } from "./scripts/lib/chromium.mjs";

const browser = testBrowser();
const launchOptions = browser ? { executablePath: browser, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS };

/** `npm run test:cluster` (scripts/cluster.mjs): the cluster journeys, apart from the e2e suite. */
export default defineConfig({
  testDir: "./e2e-cluster",
  outputDir: `${LOGS}/results`,
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 90_000,
  // Two instances, Postgres, HAProxy and Chromium share the machine: a busy one answers slowly.
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  use: {
    ...devices["Desktop Chrome"],
    baseURL: CLUSTER.balancerUrl,
    trace: "retain-on-failure",
    launchOptions,
    locale: "en-GB",
  },
});
