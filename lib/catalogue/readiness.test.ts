import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { saveSyncState } from "@/lib/catalogue/store/sync-records";
import { openMemoryDatabase, type DatabaseHandle } from "@/lib/db/client";

import { catalogueIsReady, catalogueReadiness } from "./readiness";

/** The process's database (lib/db) is this test's in-memory one. */
const DATABASE = Symbol.for("dealer-portal.database");
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openMemoryDatabase();
  (globalThis as Record<symbol, unknown>)[DATABASE] = Promise.resolve(handle);
});

afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[DATABASE];
  await handle.close();
});

describe("the catalogue's readiness", () => {
  it("says how far the first sync got, then nothing once it finished, without asking again", async () => {
    expect(await catalogueReadiness()).toEqual({ stored: 0, listed: 0 });
    expect(await catalogueIsReady()).toBe(false);

    await saveSyncState(handle.db, "catalogue", { firstCompletedAt: new Date("2026-12-01T06:00:00Z") });
    expect(await catalogueReadiness()).toBeNull();
    expect(await catalogueIsReady()).toBe(true);

    // Were the database asked again, it would say "not ready": the pages' banner does not ask, the health check does.
    await saveSyncState(handle.db, "catalogue", { firstCompletedAt: null });
    expect(await catalogueReadiness()).toBeNull();
    expect(await catalogueIsReady()).toBe(false);
  });
});
