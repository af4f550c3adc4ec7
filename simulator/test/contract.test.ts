/** Every endpoint, called as every kind of caller, answers a documented status with a body that matches openapi.yaml. */
import { beforeAll, describe, expect, it } from "vitest";
import { ajv, expectContract, openapi } from "./contract.js";
import { findProducts, type TestSim, testSim } from "./helpers.js";

type Caller = "anonymous" | "dealer" | "admin" | "limited" | "service";
const CALLERS: Caller[] = ["anonymous", "dealer", "admin", "limited", "service"];

let t: TestSim;
let tokens: Record<Exclude<Caller, "anonymous">, string>;
let sku: string;
let barcode: string;
let dealerOrder: number;
let mediaFile: string;

beforeAll(async () => {
  t = testSim();
  tokens = await t.tokens();
  [sku] = findProducts(t.sim, (p) => !p.blocked && p.media.length > 0 && p.sales_unit_amount === 1) as [string];
  const product = t.sim.state.catalogue.product(t.sim.state.catalogue.indexOfSku(sku as string) as number);
  barcode = product.barcode.value;
  mediaFile = `${product.media[0]?.hash}.${product.media[0]?.ext}`;
  dealerOrder = t.sim.state.orders.forCustomer("EA00001")[0]?.id as number;
});

/** [method, path template, concrete path, expected status per caller, body] */
type Case = [string, string, () => string, Record<Caller, number>, (() => unknown)?];
const all = (status: number): Record<Caller, number> => ({
  anonymous: 401,
  dealer: status,
  admin: status,
  limited: status,
  service: status,
});

const CASES: Case[] = [
  ["GET", "/me", () => "/me", all(200)],
  ["GET", "/companies", () => "/companies", { anonymous: 401, dealer: 403, admin: 200, limited: 403, service: 200 }],
  [
    "GET",
    "/companies",
    () => "/companies?page=4&per_page=10",
    { anonymous: 401, dealer: 403, admin: 200, limited: 403, service: 200 },
  ],
  [
    "GET",
    "/companies/{company}",
    () => "/companies/EA00001",
    { anonymous: 401, dealer: 200, admin: 200, limited: 403, service: 200 },
  ],
  [
    "GET",
    "/companies/{company}",
    () => "/companies/EA99999",
    { anonymous: 401, dealer: 404, admin: 404, limited: 404, service: 404 },
  ],
  ["GET", "/orders", () => "/orders", all(200)],
  ["GET", "/orders", () => "/orders?status[]=shipped&status[]=complete", all(200)],
  ["GET", "/orders", () => "/orders?status[]=pending", all(422)],
  [
    "GET",
    "/orders/{order}",
    () => `/orders/${dealerOrder}`,
    { anonymous: 401, dealer: 200, admin: 200, limited: 404, service: 200 },
  ],
  ["GET", "/orders/{order}", () => "/orders/999999", all(404)],
  [
    "GET",
    "/orders/{order}/status",
    () => `/orders/${dealerOrder}/status`,
    { anonymous: 401, dealer: 200, admin: 200, limited: 404, service: 200 },
  ],
  [
    "GET",
    "/orders/{order}/status",
    () => `/orders/${dealerOrder}/status?output=json`,
    { anonymous: 401, dealer: 200, admin: 200, limited: 404, service: 200 },
  ],
  ["POST", "/orders", () => "/orders", all(201), () => ({ reference: "contract", products: [{ sku, amount: 1 }] })],
  ["POST", "/orders", () => "/orders", all(422), () => ({ products: [] })],
  ["GET", "/products", () => "/products", { anonymous: 401, dealer: 200, admin: 200, limited: 403, service: 200 }],
  [
    "GET",
    "/products",
    () => "/products?category=Electricity&update_count=2&modified_since=2020-01-01%2000:00",
    { anonymous: 401, dealer: 200, admin: 200, limited: 403, service: 200 },
  ],
  ["GET", "/products/{product}", () => `/products/${sku}`, all(200)],
  ["GET", "/products/{product}", () => "/products/NOPE", all(404)],
  ["GET", "/products/barcode/{barcode}", () => `/products/barcode/${barcode}`, all(200)],
  ["GET", "/stock/color", () => "/stock/color", all(200)],
  ["GET", "/stock/color", () => "/stock/color?listtype=flat&modified_since=2020-01-01T00:00:00Z", all(200)],
  ["GET", "/stock/numeric", () => "/stock/numeric", all(200)],
  ["GET", "/stock/numeric", () => "/stock/numeric?listtype=flat", all(200)],
  ["GET", "/stock/absolute", () => "/stock/absolute?listtype=nested", all(200)],
  ["GET", "/stock/absolute", () => "/stock/absolute?listtype=flat", all(200)],
  ["GET", "/categories", () => "/categories", all(200)],
  ["GET", "/categories/{category}", () => "/categories/Electricity", all(200)],
  ["GET", "/categories/{category}", () => "/categories/20002", all(200)],
  ["GET", "/categories/{category}/children", () => "/categories/Electricity/children", all(200)],
  ["GET", "/categories/{category}", () => "/categories/Nope", all(404)],
  [
    "GET",
    "/media/{file}",
    () => `/media/${mediaFile}`,
    { anonymous: 200, dealer: 200, admin: 200, limited: 200, service: 200 },
  ],
];

describe.each(CASES)("%s %s", (method, template, path, expected, body) => {
  it.each(CALLERS)("as %s", async (caller) => {
    const response = await t.call(method, path(), {
      token: caller === "anonymous" ? undefined : tokens[caller],
      json: body?.(),
    });
    expect(response.status, `${method} ${path()} as ${caller}`).toBe(expected[caller]);
    await expectContract(response, method, template);
  });
});

describe("POST /auth/token", () => {
  it.each(["dealer@acme.example", "warehouse@acme.example", "admin@wholesaler.example", "limited@bakker.example"])(
    "issues a token to %s",
    async (username) => {
      const response = await t.call("POST", "/auth/token", { json: { username, password: "demo1234" } });
      expect(response.status).toBe(200);
      await expectContract(response, "POST", "/auth/token");
    },
  );

  it("answers 401 and 422 as documented", async () => {
    await expectContract(
      await t.call("POST", "/auth/token", { json: { username: "dealer@acme.example", password: "nope" } }),
      "POST",
      "/auth/token",
    );
    const invalid = await t.call("POST", "/auth/token", { json: {} });
    expect(invalid.status).toBe(422);
    await expectContract(invalid, "POST", "/auth/token");
  });
});

describe("control endpoints (simulator-control)", () => {
  const key = { "x-sim-key": "sim-control-key" };
  const control = async (method: string, template: string, path: string, json?: unknown) => {
    const response = await t.call(method, path, { json, headers: key });
    return expectContract(response, method, template);
  };

  it("answer as documented", async () => {
    await control("GET", "/__sim/faults", "/__sim/faults");
    await control("POST", "/__sim/faults", "/__sim/faults", {
      latencyMs: 0,
      commitThenFail: { count: 0, mode: "drop" },
    });
    await control("DELETE", "/__sim/faults", "/__sim/faults");
    await control("GET", "/__sim/clock", "/__sim/clock");
    await control("POST", "/__sim/clock/advance", "/__sim/clock/advance", { minutes: 1 });
    await control("GET", "/__sim/tokens", "/__sim/tokens");
    await control("GET", "/__sim/orders", "/__sim/orders");
    await control("POST", "/__sim/stock", "/__sim/stock", { sku, colour: "red" });
    await control("POST", "/__sim/products/{sku}", `/__sim/products/${sku}`, {
      title: "Contract title",
      prices: [{ minqty: 1, exvat: 10 }],
    });
    await control("POST", "/__sim/catalogue/tick", "/__sim/catalogue/tick", { changes: 2 });
    await control("GET", "/__sim/stats", "/__sim/stats");
    await control("POST", "/__sim/stats/reset", "/__sim/stats/reset");
    await control("POST", "/__sim/tokens/expire", "/__sim/tokens/expire", { email: "nobody@example.invalid" });
    await control("POST", "/__sim/users/access", "/__sim/users/access", {
      email: "limited@bakker.example",
      features: [],
    });
    await control("POST", "/__sim/users/access", "/__sim/users/access", { email: "nobody@example.invalid" }); // 404
    await control("POST", "/__sim/faults", "/__sim/faults", { errorRate: 2 }); // 422, documented
    await control("DELETE", "/__sim/products/{sku}", `/__sim/products/${sku}`);
    await control("POST", "/__sim/reset", "/__sim/reset");
    await expectContract(await t.call("GET", "/__sim/faults"), "GET", "/__sim/faults"); // 403 without the key
  });
});

describe("openapi.yaml", () => {
  it("has valid JSON Schemas for every component", () => {
    for (const [name, schema] of Object.entries(openapi.components.schemas)) {
      expect(ajv.validateSchema(schema), `${name}: ${ajv.errorsText(ajv.errors)}`).toBe(true);
    }
  });

  it("defines the reusable schemas the portal's client relies on", () => {
    for (const name of [
      "PhpDate",
      "Media",
      "Category",
      "Product",
      "Company",
      "Address",
      "Order",
      "OrderLine",
      "Shipment",
      "ShippingAddress",
      "OrderCreate",
      "ValidationError",
      "Message",
      "Paginated",
    ]) {
      expect(openapi.components.schemas, name).toHaveProperty(name);
    }
  });

  it("documents every route the app serves", () => {
    const documented = new Set(
      Object.entries(openapi.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)),
    );
    const served = t.sim.app.routes
      .filter((r) => r.method !== "ALL" && !r.path.includes("*"))
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    for (const route of new Set(served)) expect(documented, route).toContain(route);
  });
});
