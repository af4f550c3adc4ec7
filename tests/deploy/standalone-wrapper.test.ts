import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { isServerWrapper } from "../../scripts/build.mjs";

/**
 * The assembly of the standalone folder (scripts/build.mjs) renames Next's server.js to next-server.js and
 * puts the wrapper in its place; run again on the same folder it must recognise the wrapper, or it would
 * move the wrapper over Next's server and the folder would no longer start.
 */
describe("the standalone folder's server.js", () => {
  it("is recognised as the wrapper when it is scripts/server-wrapper.cjs", () => {
    const wrapper = readFileSync(path.join(process.cwd(), "scripts/server-wrapper.cjs"), "utf8");
    expect(isServerWrapper(wrapper)).toBe(true);
  });

  it("is not taken for the wrapper when it is Next's own server", () => {
    // The shape of the server.js `next build --output standalone` writes (Next 16).
    const nextServer = [
      "const path = require('path')",
      "const dir = path.join(__dirname)",
      "process.env.NODE_ENV = 'production'",
      "process.chdir(__dirname)",
      "const currentPort = parseInt(process.env.PORT, 10) || 3000",
      "require('next')",
      "const { startServer } = require('next/dist/server/lib/start-server')",
      "startServer({ dir, isDev: false, config: nextConfig, hostname, port: currentPort, allowRetry: false, keepAliveTimeout })",
    ].join("\n");
    expect(isServerWrapper(nextServer)).toBe(false);
  });
});
