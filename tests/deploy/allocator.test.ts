/**
 * The C allocator's setting of the portal's process (scripts/lib/config.mjs): the container and the
 * scripts start `node server.js` with the same one, and an operator's own setting wins.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { SERVER_GLIBC_TUNABLES, serverProcessEnv } from "@/scripts/lib/config.mjs";

const ROOT = path.resolve(__dirname, "../..");

describe("the portal process's allocator setting", () => {
  it("is the container's too", () => {
    const dockerfile = readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
    const set = /^ENV GLIBC_TUNABLES=(\S+)$/m.exec(dockerfile)?.[1];
    expect(set).toBe(SERVER_GLIBC_TUNABLES);
    // Set for the image that runs, after its last FROM.
    expect(dockerfile.lastIndexOf("FROM ")).toBeLessThan(dockerfile.indexOf("ENV GLIBC_TUNABLES="));
  });

  it("is given to the server unless the environment has one of its own", () => {
    expect(serverProcessEnv({})).toEqual({ GLIBC_TUNABLES: SERVER_GLIBC_TUNABLES });
    expect(serverProcessEnv({ GLIBC_TUNABLES: "glibc.malloc.arena_max=2" })).toEqual({});
  });
});
