import { readdirSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createLogger } from "./logger";
import { metrics } from "./metrics";
import { requestFinished, routeOf } from "./requests";

const LOGGER = Symbol.for("dealer-portal.logger");
const holder = globalThis as Record<symbol, unknown>;
const lines: string[] = [];

beforeAll(() => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  holder[LOGGER] = createLogger("info", sink);
});
afterAll(() => {
  delete holder[LOGGER];
});

async function forwardedCount(route: string): Promise<number> {
  const { values } = await metrics().forwardedActions.get();
  return values.find((value) => value.labels.route === route)?.value ?? 0;
}

describe("requestFinished", () => {
  it("logs each request by its route, never its path", () => {
    requestFinished({ id: "r1", method: "GET", url: "/products/0100136?x=1", status: 200, durationMs: 12.34 });
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({ level: "info", req: "r1", route: "/products/[sku]", status: 200, ms: 12.3 }),
    );
    expect(lines.join("\n")).not.toContain("0100136");
    expect(routeOf("/orders/123456")).toBe("/orders/[id]");
  });

  it("names every page and handler of the app by its own route, none as (other)", () => {
    // The app's routes from its files: route groups left out, as in the address bar.
    const routes = readdirSync(path.join(process.cwd(), "app"), { recursive: true, encoding: "utf8" })
      .filter((file) => /(?:^|\/)(?:page\.tsx|route\.ts)$/.test(file))
      .map(
        (file) =>
          `/${path
            .dirname(file)
            .split(path.sep)
            .filter((part) => part !== "." && !/^\(.*\)$/.test(part))
            .join("/")}`,
      );
    expect(routes.length).toBeGreaterThan(30);
    // A path of each: a sample value in place of each dynamic segment.
    const sample = (route: string) => route.replace(/\[\.\.\.[^\]]+\]/g, "a/b").replace(/\[[^\]]+\]/g, "x1");
    const named = routes.map((route) => [route, routeOf(sample(route))]);
    expect(named.filter(([route, name]) => route !== name)).toEqual([]);
  });

  it("counts and warns of a server action Next forwarded to the page that has it, and of nothing else", async () => {
    const before = await forwardedCount("/scan");
    const post = { method: "POST", url: "/scan", status: 200, durationMs: 8 };
    requestFinished({ ...post, id: "f1", actionForwarded: true });
    requestFinished({ ...post, id: "f2" });
    requestFinished({ ...post, id: "f3", actionForwarded: false });
    expect(await forwardedCount("/scan")).toBe(before + 1);

    const warnings = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.level === "warn");
    expect(warnings).toEqual([
      expect.objectContaining({ req: "f1", route: "/scan", msg: expect.stringContaining("server action forwarded") }),
    ]);
  });
});
