import { readFileSync } from "node:fs";
import path from "node:path";

import fc from "fast-check";

import { expect, test } from "./fixtures";
import { simulator } from "./simulator";

/**
 * Malformed payloads at every route handler and server action of the
 * production build: no 5xx, no stack trace in a response, and no upstream call
 * made with invalid data (the simulator's request count does not move).
 */

const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const STACK = /\n\s+at [\w$.<>]+ \(|\.tsx?:\d+:\d+|node_modules\//;

interface Action {
  id: string;
  name: string;
  page: string;
}

/** Server actions of the build, with a page that uses each. */
function serverActions(): Action[] {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0] ?? "app/(portal)/page";
    const page =
      worker
        .replace(/^app/, "")
        .replace(/\/page$/, "")
        .replace(/\/\([^)]+\)/g, "")
        .replace(/\[\.\.\.\w+\]|\[\w+\]/g, "x") || "/";
    return { id, name: `${entry.filename ?? "?"}#${entry.exportedName ?? "?"}`, page };
  });
}

/** Anything a client could send: JSON of any shape, including near-misses of the real inputs. */
const payload = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.record({
    sku: fc.oneof(fc.string(), fc.constant("../../etc/passwd"), fc.constant("' or 1=1 --"), fc.integer()),
    quantity: fc.oneof(fc.double(), fc.integer({ min: -1e9, max: 1e9 }), fc.string(), fc.constant(null)),
    customerCode: fc.string(),
  }),
  fc.record({ lines: fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 20 }), source: fc.string() }),
  fc.record({
    attemptId: fc.string(),
    reference: fc.string({ maxLength: 200 }),
    delivery: fc.string(),
    test: fc.anything(),
  }),
);

/**
 * Upstream calls only the fuzzed inputs themselves could cause: placing an order and an order's status.
 * (Pages re-rendered after an action make their own reads with the session's valid data.)
 */
const GUARDED = ["POST /orders", "GET /orders/{order}/status"];

/** Arguments as React's client encodes them for a server action: strings starting with "$" are escaped. */
function asActionArgument(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(asActionArgument);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asActionArgument(item)]));
  }
  return value;
}

async function guardedCalls(): Promise<Record<string, number>> {
  const stats = (await simulator.control("GET", "stats")) as { routes: Record<string, number> };
  return Object.fromEntries(GUARDED.map((route) => [route, stats.routes[route] ?? 0]));
}

test("route handlers and server actions withstand malformed payloads", async ({ page }) => {
  test.setTimeout(600_000);
  const actions = serverActions();
  expect(actions.length).toBeGreaterThan(5);
  await page.goto("/");

  const routes: { name: string; send: (value: unknown, text: string) => Promise<{ status: number; body: string }> }[] =
    [
      {
        name: "GET /api/search/suggest",
        send: async (_value, text) => {
          const response = await page.request.get(`/api/search/suggest?q=${encodeURIComponent(text)}`);
          return { status: response.status(), body: await response.text() };
        },
      },
      {
        name: "GET /api/companies (dealer: 403)",
        send: async (_value, text) => {
          const response = await page.request.get(`/api/companies?q=${encodeURIComponent(text)}`);
          return { status: response.status(), body: await response.text() };
        },
      },
      {
        name: "POST /api/session/customer",
        send: async (value) => {
          const response = await page.request.post("/api/session/customer", {
            data: JSON.stringify(value),
            headers: { "content-type": "application/json" },
          });
          return { status: response.status(), body: await response.text() };
        },
      },
      {
        name: "GET /orders/{id}/status",
        send: async (_value, text) => {
          const response = await page.request.get(`/orders/${encodeURIComponent(`x${text}`)}/status`);
          return { status: response.status(), body: await response.text() };
        },
      },
      {
        name: "GET /orders/export",
        send: async (_value, text) => {
          const response = await page.request.get(
            `/orders/export?status=${encodeURIComponent(text)}&from=${encodeURIComponent(text)}&decimal=${encodeURIComponent(text)}`,
          );
          return { status: response.status(), body: (await response.text()).slice(0, 2000) };
        },
      },
      {
        name: "GET /media/{file}",
        send: async (_value, text) => {
          const response = await page.request.get(`/media/${encodeURIComponent(text || "x")}`);
          return {
            status: response.status(),
            body: response.headers()["content-type"]?.includes("image") ? "" : await response.text(),
          };
        },
      },
      {
        name: "GET /products/{sku}, /catalogue/{code}, /search?q=",
        send: async (_value, text) => {
          const target = [
            `/products/${encodeURIComponent(`~${text}`)}`,
            `/catalogue/${encodeURIComponent(`~${text}`)}`,
            `/search?q=${encodeURIComponent(text)}&sort=${encodeURIComponent(text)}&page=${encodeURIComponent(text)}`,
          ][text.length % 3]!;
          const response = await page.request.get(target);
          return { status: response.status(), body: await response.text() };
        },
      },
      ...actions.map((action) => ({
        name: `server action ${action.name}`,
        send: async (value: unknown) => {
          const response = await page.request.post(action.page, {
            headers: {
              "next-action": action.id,
              "content-type": "text/plain;charset=UTF-8",
              accept: "text/x-component",
            },
            data: JSON.stringify([asActionArgument(value)]),
          });
          return { status: response.status(), body: await response.text() };
        },
      })),
    ];

  const runsPerRoute = Math.ceil(TOTAL_RUNS / routes.length);
  const failures: string[] = [];
  const before = await guardedCalls();
  for (const route of routes) {
    await fc
      .assert(
        fc.asyncProperty(payload, fc.string({ maxLength: 80 }), async (value, text) => {
          const { status, body } = await route.send(value, text);
          if (status >= 500 || STACK.test(body)) {
            failures.push(
              `${route.name}: ${status} for ${JSON.stringify(value).slice(0, 120)} / ${JSON.stringify(text)}`,
            );
            return false;
          }
          return true;
        }),
        { numRuns: runsPerRoute, seed: 20261128, endOnFailure: true },
      )
      .catch(() => undefined);
  }
  const after = await guardedCalls();
  console.log(`fuzz: ${routes.length} endpoints × ${runsPerRoute} payloads, ${failures.length} failures`);
  expect(failures).toEqual([]);
  expect(after).toEqual(before);
});
