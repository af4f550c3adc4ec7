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

  it("counts and warns of a server action Next forwarded, under the page it was posted to, and of nothing else", async () => {
    const before = { cart: await forwardedCount("/cart"), lists: await forwardedCount("/lists") };
    // Next's forward is a request to a page that has the action (here /lists), made from inside the post to
    // the page that lacks it (/cart, with the dealer's search on it).
    const answered = { method: "POST", url: "/lists", status: 200, durationMs: 8 };
    requestFinished({ ...answered, id: "f1", forwardedFrom: "/cart?q=kabel" });
    requestFinished({ ...answered, id: "f2" });
    requestFinished({ ...answered, id: "f3", forwardedFrom: undefined });
    expect(await forwardedCount("/cart")).toBe(before.cart + 1);
    expect(await forwardedCount("/lists")).toBe(before.lists);

    const warnings = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.level === "warn");
    expect(warnings).toEqual([
      expect.objectContaining({
        req: "f1",
        route: "/lists",
        postedTo: "/cart",
        msg: expect.stringContaining("server action forwarded"),
      }),
    ]);
    expect(lines.join("\n")).not.toContain("kabel");
  });
});
