import path from "node:path";

import { defineConfig, devices, type PlaywrightTestConfig } from "@playwright/test";

import { E2E } from "./e2e/env";
import { startedPortals } from "./e2e/no-forwarded-actions";
import { CHROMIUM_ARGS, testBrowser } from "./scripts/lib/chromium.mjs";
import { serverProcessEnv } from "./scripts/lib/config.mjs";

const browser = testBrowser();
const launchOptions = browser ? { executablePath: browser, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS };

const standaloneServer = path.join(process.env.NEXT_DIST_DIR || ".next", "standalone", "server.js");

/**
 * The variant project's simulator and portal start only when that project runs (all projects, or
 * `--project=variants`): a run of one other project does not pay for them.
 */
const projectArgs = process.argv.flatMap((arg, index, all) =>
  arg.startsWith("--project=") ? [arg.slice("--project=".length)] : arg === "--project" ? [all[index + 1] ?? ""] : [],
);
// E2E_VARIANTS=0: a run of the other projects only (scripts/e2e.mjs runs the variants beside it).
const variantsOff = process.env.E2E_VARIANTS === "0";
// A run of the variants project alone needs the main simulator, not the main portal.
const onlyVariants = projectArgs.length > 0 && projectArgs.every((name) => name === "variants");
const withVariants = !variantsOff && (projectArgs.length === 0 || projectArgs.includes("variants"));
/**
 * The tests read their products from the simulator's first 400 (e2e/catalogue-data.ts) and look for
 * them in the portal seconds later: the simulator's clock leaves those alone (no random title, price
 * or stock change between the two), and changes the other 1,100 as it does any catalogue.
 */
const STEADY_PRODUCTS = "400";
type WebServer = Extract<PlaywrightTestConfig["webServer"], unknown[]>[number];
const variantServers: WebServer[] = [
  {
    command: `node node_modules/tsx/dist/cli.mjs simulator/main.ts`,
    url: `${E2E.variantSimulatorUrl}/me`,
    env: {
      SIM_PORT: String(E2E.variantSimulatorPort),
      SIM_CONTROL_KEY: E2E.controlKey,
      SIM_PRODUCTS: "1500",
      SIM_STEADY_PRODUCTS: STEADY_PRODUCTS,
      SIM_VARIANT: E2E.variants,
    },
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    timeout: 60_000,
  },
  {
    // The same standalone build as the main portal, with its own port and data folder.
    command: `node ${standaloneServer}`,
    url: `${E2E.variantPortalUrl}/api/health`,
    env: {
      ...serverProcessEnv(),
      UPSTREAM_URL: E2E.variantSimulatorUrl,
      NEXTAUTH_URL: E2E.variantPortalUrl,
      NEXTAUTH_SECRET: "e2e-secret-0123456789abcdef0123456789abcdef",
      DATA_DIR: path.resolve(E2E.variantDataDir),
      PORT: String(E2E.variantPortalPort),
      HOSTNAME: "127.0.0.1",
      LOG_LEVEL: "warn",
      DEMO_MODE: "true",
      SYNC_INTERVAL_MINUTES: "0.1",
      STOCK_INTERVAL_SECONDS: "2",
      TRUSTED_PROXY_HOPS: "0",
      KEEP_ALIVE_TIMEOUT: "65000",
    },
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    timeout: 120_000,
  },
];

const mainServers: WebServer[] = [
  {
    command: `node node_modules/tsx/dist/cli.mjs simulator/main.ts`,
    url: `${E2E.simulatorUrl}/me`,
    env: {
      SIM_PORT: String(E2E.simulatorPort),
      SIM_CONTROL_KEY: E2E.controlKey,
      SIM_PRODUCTS: "1500",
      SIM_STEADY_PRODUCTS: STEADY_PRODUCTS,
    },
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    timeout: 60_000,
  },
  {
    // The standalone build that ships (scripts/build.mjs), as an operator starts it.
    command: `node ${standaloneServer}`,
    url: `${E2E.portalUrl}/api/health`,
    env: {
      ...serverProcessEnv(),
      UPSTREAM_URL: E2E.simulatorUrl,
      NEXTAUTH_URL: E2E.portalUrl,
      NEXTAUTH_SECRET: "e2e-secret-0123456789abcdef0123456789abcdef",
      // The standalone server runs in its own folder: paths are absolute.
      DATA_DIR: path.resolve(E2E.dataDir),
      PORT: String(E2E.portalPort),
      HOSTNAME: "127.0.0.1",
      // The JSON request lines would drown the test output; the cluster test reads them (e2e-cluster/).
      LOG_LEVEL: "warn",
      DEMO_MODE: "true",
      SYNC_INTERVAL_MINUTES: "0.1",
      STOCK_INTERVAL_SECONDS: "2",
      SIGN_IN_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS: "5",
      SIGN_IN_ATTEMPTS_PER_ADDRESS: "1000",
      SIGN_IN_ATTEMPTS_PER_ACCOUNT: "50",
      // Reached directly: the sign-in limits use the connection's address.
      TRUSTED_PROXY_HOPS: "0",
      // Node closes a connection idle for 5 s; a test's API requests more than 5 s apart then raced
      // that close on the reused connection (ECONNRESET in CI). Next's server reads this (ms).
      KEEP_ALIVE_TIMEOUT: "65000",
      // GET /me is read again after 20 s instead of 5 minutes, for the lost-permission test.
      SESSION_RECHECK_SECONDS: "20",
    },
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    timeout: 120_000,
  },
];

// The portals this run starts: after the tests, none may have forwarded a server action.
process.env.E2E_STARTED_PORTALS = startedPortals(!onlyVariants, withVariants);

export default defineConfig({
  testDir: "./e2e",
  globalTeardown: "./e2e/no-forwarded-actions.ts",
  outputDir: `${E2E.results}/e2e`,
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [
    ["list"],
    // One folder per run beside the others (the html reporter empties its folder first: a group's report
    // in playwright-report itself wiped the other groups' reports inside it).
    [
      "html",
      { open: "never", outputFolder: `playwright-report/${E2E.results.replace(/^\.\/test-results\/?/, "") || "main"}` },
    ],
  ],
  use: {
    baseURL: E2E.portalUrl,
    // Locally: DOM snapshots of every action, kept when a test fails; no screencast (its frames cost CPU
    // that the groups share, and the failure's own screenshot is kept). Under CI no trace: nothing reads
    // it there (a CI run keeps its log), and recording it cost 6–16 % of the suite's CPU (catalogue and
    // orders specs, two runs each: 196 and 201 CPU-seconds with it, 184 and 168 without). A failure still
    // leaves its screenshot and its page's ARIA snapshot (error-context.md).
    trace: process.env.CI ? "off" : { mode: "retain-on-failure", screenshots: false },
    screenshot: "only-on-failure",
    launchOptions,
    locale: "en-GB",
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/, timeout: 180_000 },
    {
      name: "desktop",
      testIgnore: [
        /.*\.setup\.ts/,
        /.*mobile\.spec\.ts/,
        /.*phones\.spec\.ts/,
        /.*variants\.spec\.ts/,
        /no-javascript.*\.spec\.ts/,
      ],
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], launchOptions, storageState: E2E.dealerState },
    },
    {
      // Issue 21: the journeys with JavaScript off (every change a native form post).
      name: "nojs",
      testMatch: /no-javascript.*\.spec\.ts/,
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], launchOptions, storageState: E2E.dealerState, javaScriptEnabled: false },
    },
    {
      // A phone: 360 px wide (the narrowest the portal supports), touch, Android's user agent.
      name: "phone",
      testMatch: /.*(mobile|phones)\.spec\.ts/,
      dependencies: ["setup"],
      use: {
        ...devices["Pixel 7"],
        viewport: { width: 360, height: 800 },
        launchOptions,
        storageState: E2E.dealerState,
      },
    },
    // The ordering and orders journeys against a simulator answering in the reference's other shapes.
    ...(variantsOff
      ? []
      : [
          {
            name: "variants",
            testMatch: /.*variants\.spec\.ts/,
            use: { ...devices["Desktop Chrome"], launchOptions, baseURL: E2E.variantPortalUrl },
          },
        ]),
  ],
  // The variants spec picks its products from the main simulator's catalogue: that one always starts.
  webServer: [...(onlyVariants ? mainServers.slice(0, 1) : mainServers), ...(withVariants ? variantServers : [])],
});
