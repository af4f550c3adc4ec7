import { readFileSync } from "node:fs";
import path from "node:path";

import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openMemoryDatabase, type DatabaseHandle } from "@/lib/db/client";
import { syncRuns } from "@/lib/db/schema";

import { closeAbandonedRuns, lastRun, startRun, updateRun } from "./sync-records";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openMemoryDatabase();
});

afterAll(async () => {
  await handle.close();
});

const counts = { listed: 10, stored: 7, failed: 3, vanished: 0, upstreamCalls: 11 };

describe("sync run records", () => {
  it("keeps a run's reason beside its message, and gives a run a dead process left open its own", async () => {
    const started = new Date("2026-12-01T08:00:00Z");
    const done = await startRun(handle.db, "incremental", started);
    await updateRun(handle.db, done, counts, {
      outcome: "partial",
      finishedAt: new Date("2026-12-01T08:01:00Z"),
      message: "3 products failed; retried later",
      reason: "products_failed",
    });
    expect(await lastRun(handle.db)).toMatchObject({ id: done, outcome: "partial", reason: "products_failed" });

    const open = await startRun(handle.db, "full", new Date("2026-12-01T09:00:00Z"));
    await closeAbandonedRuns(handle.db, new Date("2026-12-01T10:00:00Z"));
    expect(await lastRun(handle.db)).toMatchObject({
      id: open,
      outcome: "aborted",
      message: "process ended during the run",
      reason: "process_ended",
    });
  });

  it("gives the runs an older portal kept the reason their message implies (migration 0011)", async () => {
    await handle.db.delete(syncRuns);
    const at = new Date("2026-11-20T08:00:00Z");
    // What an older portal kept: a message, no reason.
    const kept: Array<[string, string | null]> = [
      ["success", null],
      ["aborted", "interrupted"],
      ["aborted", "process ended during the run"],
      ["partial", "the upstream asked to wait 900 s (Retry-After); stopped"],
      ["partial", "12 products failed; retried later"],
      ["failed", "GET /products failed: the upstream is unavailable (503)"],
    ];
    await handle.db
      .insert(syncRuns)
      .values(kept.map(([outcome, message]) => ({ kind: "incremental", startedAt: at, outcome, message })));

    const migration = readFileSync(path.join(process.cwd(), "drizzle/0011_run_reason.sql"), "utf8");
    const [, backfill] = migration.split("--> statement-breakpoint");
    await handle.db.execute(sql.raw(backfill!));

    const rows = await handle.db.select().from(syncRuns).orderBy(asc(syncRuns.id));
    expect(rows.map((row) => row.reason)).toEqual([
      null,
      "interrupted",
      "process_ended",
      "upstream_busy",
      "products_failed",
      "error",
    ]);
    expect(rows.map((row) => row.message)).toEqual(kept.map(([, message]) => message));
  });
});
