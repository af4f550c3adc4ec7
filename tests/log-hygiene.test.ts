import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

/**
 * The server writes its log through one logger (lib/observability/logger.ts: JSON lines, secret keys
 * redacted, free text scrubbed of addresses and tokens). A bare console call bypasses all of that, so
 * only these may write to the console, each for a reason:
 * - server-start.ts: a configuration that cannot start is said to the operator in plain words as well;
 * - catalogue/sync/logger.ts: the console logger of `npm run sync` run by hand (its text scrubbed);
 * - i18n/units.ts: runs in the browser too, where there is no server log; it names a unit code only.
 */
const ALLOWED = new Set(["lib/server-start.ts", "lib/catalogue/sync/logger.ts", "lib/i18n/units.ts"]);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const files = ["app", "components", "lib"].flatMap(sourceFiles);

describe("the server's log", () => {
  it("reads the real tree", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it("is written through the logger: no other module calls console", () => {
    const offenders = files.filter(
      (file) => !ALLOWED.has(file) && /\bconsole\.(log|info|warn|error|debug|trace)\(/.test(readFileSync(file, "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("never interpolates an email address into a log message", () => {
    const offenders = files.filter((file) =>
      /(log\(\)\.\w+|console\.\w+)\([^;]*\b(email|actorEmail)\b/.test(readFileSync(file, "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});
