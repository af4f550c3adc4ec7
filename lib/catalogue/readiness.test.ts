import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { upsertProducts } from "@/lib/catalogue/store/products";
import { saveSyncState, startRun, updateRun } from "@/lib/catalogue/store/sync-records";
import { openMemoryDatabase, type DatabaseHandle } from "@/lib/db/client";
import { UpstreamClient } from "@/lib/upstream";
import { startSimulator, type RunningSimulator } from "@/tests/fixtures/simulator";

import { catalogueIsReady, catalogueReadiness } from "./readiness";

/** The process's database (lib/db) is this test's in-memory one. */
const DATABASE = Symbol.for("dealer-portal.database");
let handle: DatabaseHandle;
let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, products: 12, seed: "readiness" });
  handle = await openMemoryDatabase();
  (globalThis as Record<symbol, unknown>)[DATABASE] = Promise.resolve(handle);
}, 120_000);

afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[DATABASE];
  await handle.close();
  await simulator.close();
});

describe("the catalogue's readiness", () => {
  it("says how far the first sync got, then nothing once it finished, without asking again", async () => {
    expect(await catalogueReadiness()).toEqual({ stored: 0, listed: 0 });
    expect(await catalogueIsReady()).toBe(false);

    // The first full run is under way: the upstream listed every product, four of them are stored so far.
    const client = new UpstreamClient(
      { baseUrl: simulator.url, token: simulator.sim.options.serviceToken, timeoutMs: 20_000, readAttempts: 1 },
      "/media",
    );
    const listed = await client.productSkus();
    const stored = await Promise.all(listed.slice(0, 4).map((entry) => client.product(entry.sku)));
    await upsertProducts(handle.db, stored, new Map(), new Date());
    const run = await startRun(handle.db, "full", new Date());
    await updateRun(handle.db, run, { listed: listed.length, stored: 4, failed: 0, vanished: 0, upstreamCalls: 5 });
    expect(await catalogueReadiness()).toEqual({ stored: 4, listed: listed.length });

    await saveSyncState(handle.db, "catalogue", { firstCompletedAt: new Date("2026-12-01T06:00:00Z") });
    expect(await catalogueReadiness()).toBeNull();
    expect(await catalogueIsReady()).toBe(true);

    // Were the database asked again, it would say "not ready": the pages' banner does not ask, the health check does.
    await saveSyncState(handle.db, "catalogue", { firstCompletedAt: null });
    expect(await catalogueReadiness()).toBeNull();
    expect(await catalogueIsReady()).toBe(false);
  });
});
