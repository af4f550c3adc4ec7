import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { dumpMemoryTemplate, MEMORY_TEMPLATE_VARIABLE } from "@/lib/db/client";

/**
 * Once per test run: a migrated memory database dumped to a file, which every test file's
 * `openMemoryDatabase()` starts from instead of running initdb of its own (about 2 s of CPU each, on
 * two cores shared by three workers). The workers inherit the variable.
 */
export default async function setup(): Promise<() => void> {
  const folder = mkdtempSync(path.join(tmpdir(), "portal-pglite-template-"));
  const file = path.join(folder, "migrated.tar");
  await dumpMemoryTemplate(file);
  process.env[MEMORY_TEMPLATE_VARIABLE] = file;
  return () => rmSync(folder, { recursive: true, force: true });
}
