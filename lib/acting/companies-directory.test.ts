import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { UpstreamClient } from "@/lib/upstream/client";
import { startSimulator, type RunningSimulator } from "@/tests/fixtures/simulator";

import { allCompanies, filterCompanies } from "./companies";

/**
 * The switcher's company directory against the simulator answering with the
 * bad-record and paged variants: every readable company is there, and the
 * one unreadable record is counted, not hiding the others. (Following
 * links.next page by page is the gateway's, tested in lib/upstream/lists.test.ts.)
 */
let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startSimulator({
    port: 0,
    products: 50,
    seed: "companies-directory",
    timeScale: 0,
    variants: ["bad-record", "paged"],
  });
}, 60_000);

afterAll(async () => {
  await simulator?.close();
});

describe("the customer switcher's company directory", () => {
  it("reads the paged list, leaves out the one unreadable company and says how many", async () => {
    const upstream = new UpstreamClient(
      {
        baseUrl: simulator.url,
        token: simulator.sim.options.serviceToken,
        timeoutMs: 5_000,
        readAttempts: 1,
        logger: { warn: () => {} },
      },
      "/media",
    );
    const directory = await allCompanies(upstream);
    expect(directory.skipped).toBe(1);
    expect(directory.companies.length).toBe(45);
    expect(new Set(directory.companies.map((company) => company.code)).size).toBe(45);
    expect(filterCompanies(directory.companies, "EA00002").map((company) => company.code)).toContain("EA00002");
  });
});
