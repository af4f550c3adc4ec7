/**
 * Every kind of embedded database session gets the portal's settings: a sequential scan from the
 * table's first page (a ranked search of a common word then ranks the same 500 matches each time, so
 * its pages fit together), each prepared statement planned for its own values, and random reads priced
 * as the memory they come from.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { PORTAL_SESSION_SETTINGS, sessionSettings } from "@/tests/fixtures/session-settings";

import { openDatabase, openMemoryDatabase, type DatabaseHandle } from "./client";

const dir = mkdtempSync(path.join(os.tmpdir(), "portal-session-settings-"));
const handles: DatabaseHandle[] = [];

afterAll(async () => {
  await Promise.all(handles.map((handle) => handle.close()));
  rmSync(dir, { recursive: true, force: true });
});

const kinds: Array<[string, () => Promise<DatabaseHandle>]> = [
  ["in memory (tests)", () => openMemoryDatabase()],
  ["on disk, in this thread (scripts)", () => openDatabase({ dataDir: path.join(dir, "in-process") })],
  ["on disk, in its own thread (the server)", () => openDatabase({ dataDir: path.join(dir, "thread"), thread: true })],
];

describe("the embedded database's session settings", () => {
  it.each(kinds)(
    "%s",
    async (_kind, open) => {
      const handle = await open();
      handles.push(handle);
      expect(await sessionSettings(handle.db)).toEqual(PORTAL_SESSION_SETTINGS);
    },
    60_000,
  );
});
