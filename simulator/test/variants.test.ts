/** The answer variants at the wire: each one changes the shape it names, and nothing without them. */
import { beforeEach, describe, expect, it } from "vitest";
import { optionsFromEnv } from "../options.js";
import { parseVariantList } from "../variants.js";
import { expectContract } from "./contract.js";
import { findProducts, testSim, type TestSim } from "./helpers.js";

type Json = Record<string, unknown>;

let t: TestSim;
let dealer: string;
let service: string;

beforeEach(async () => {
  t = testSim({ products: 300 });
  dealer = await t.token("dealer");
  service = "sim-service-token";
});

const get = async (path: string, token = dealer) => t.call("GET", path, { token });
const json = async <T = Json[]>(path: string, token = dealer) => (await (await get(path, token)).json()) as T;
const variants = (...list: string[]) => t.control<{ variants: string[] }>("POST", "variants", { variants: list });

function walk(value: unknown, visit: (value: unknown, key: string) => void, key = ""): void {
  visit(value, key);
  if (Array.isArray(value)) value.forEach((item) => walk(item, visit, key));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, visit, k);
}

describe("choosing variants", () => {
  it("SIM_VARIANT takes names separated by commas and refuses unknown or conflicting ones", () => {
    expect(optionsFromEnv({ NODE_ENV: "test", SIM_VARIANT: " string-ids, paged ,," }).variants).toEqual([
      "string-ids",
      "paged",
    ]);
    expect(optionsFromEnv({ NODE_ENV: "test" }).variants).toEqual([]);
    expect(() => parseVariantList("string-ids,purple")).toThrow(/SIM_VARIANT/);
    expect(() => parseVariantList("status-upper,status-lower")).toThrow(/Choose one of/);
  });

  it("the control endpoint sets them, refuses nonsense with a 422, and a reset restores the started ones", async () => {
    expect(await t.control("GET", "variants")).toEqual({ variants: [] });
    expect(await variants("paged", "string-ids")).toEqual({ variants: ["string-ids", "paged"] });
    const refused = await t.call("POST", "/__sim/variants", {
      json: { variants: ["blue"] },
      headers: { "x-sim-key": "sim-control-key" },
    });
    expect(refused.status).toBe(422);
    await t.control("POST", "reset");
    expect(await t.control("GET", "variants")).toEqual({ variants: [] });

    const started = testSim({ products: 50, variants: ["status-upper"] });
    await started.control("POST", "variants", { variants: [] });
    await started.control("POST", "reset");
    expect(await started.control("GET", "variants")).toEqual({ variants: ["status-upper"] });
  });
});

describe("each variant changes its shape", () => {
  it("string-ids: ORD ids in list, detail, status and create; the number no longer finds the order", async () => {
    const before = await json("/orders");
    await variants("string-ids");
    const list = await json("/orders");
    expect(list.map((o) => o.id)).toEqual(before.map((o) => `ORD${o.id as number}`));
    const id = list[0]!.id as string;
    const detail = await get(`/orders/${id}`);
    expect(((await expectContract(detail, "GET", "/orders/{order}")) as Json).id).toBe(id);
    expect(await (await get(`/orders/${id}/status`)).text()).toMatch(/^[A-Z]/);
    expect((await get(`/orders/${before[0]!.id as number}`)).status).toBe(404);
    await expectContract(await get("/orders"), "GET", "/orders");

    const [sku] = findProducts(t.sim, (p) => !p.blocked && p.sales_unit_amount === 1) as [string];
    const created = await t.call("POST", "/orders", { token: dealer, json: { products: [{ sku, amount: 1 }] } });
    const body = (await expectContract(created, "POST", "/orders")) as { data: { id: string } };
    expect(created.status).toBe(201);
    expect(body.data.id).toMatch(/^ORD\d+$/);
    expect(((await json<Json>(`/orders/${body.data.id}`)) as Json).id).toBe(body.data.id);
    expect((await json("/orders")).map((o) => o.id)).toContain(body.data.id);
  });

  it.each([
    ["status-capitalised", /^[A-Z][a-z0-9-]*$/, /^[A-Z][a-z0-9-]*$/],
    ["status-lower", /^[a-z0-9-]+$/, /^[a-z0-9-]+$/],
    ["status-upper", /^[A-Z0-9-]+$/, /^[A-Z0-9-]+$/],
  ])("%s: every status in that casing", async (variant, listed, endpoint) => {
    await variants(variant);
    const list = await json("/orders");
    for (const order of list) expect(order.status).toMatch(listed);
    expect(await (await get(`/orders/${list[0]!.id as number}/status`)).text()).toMatch(endpoint);
  });

  it("the default keeps lower-case lists and a capitalised status endpoint", async () => {
    const list = await json("/orders");
    for (const order of list) expect(order.status).toMatch(/^[a-z0-9-]+$/);
    expect(await (await get(`/orders/${list[0]!.id as number}/status`)).text()).toMatch(/^[A-Z][a-z0-9-]*$/);
  });

  it.each([
    ["dates-offset", 1, /^[+-]\d{2}:\d{2}$/],
    ["dates-abbreviation", 2, /^CES?T$/],
    ["dates-utc", 3, /^UTC$/],
  ])("%s: every PHP date of timezone type %i", async (variant, type, zone) => {
    await variants(variant);
    const dates: Json[] = [];
    for (const body of [await json("/orders"), await json("/products", service), await json("/categories")]) {
      walk(body, (value) => {
        if (value && typeof value === "object" && "timezone_type" in value) dates.push(value as Json);
      });
    }
    const sku = (await json<{ sku: string }[]>("/products", service))[0]!.sku;
    walk(await json(`/products/${sku}`), (value) => {
      if (value && typeof value === "object" && "timezone_type" in value) dates.push(value as Json);
    });
    expect(dates.length).toBeGreaterThan(100);
    for (const date of dates) {
      expect(date.timezone_type).toBe(type);
      expect(date.timezone).toMatch(zone);
    }
  });

  it("numbers-as-strings: no JSON number left in any answer", async () => {
    await variants("numbers-as-strings");
    const sku = (await json<{ sku: string }[]>("/products", service))[0]!.sku;
    let numbers = 0;
    let texts = 0;
    for (const body of [
      await json("/orders"),
      await json(`/products/${sku}`),
      await json("/products", service),
      await json("/stock/numeric"),
      await json("/companies", service),
    ]) {
      walk(body, (value, key) => {
        if (typeof value === "number") numbers++;
        if (["quantity", "update_count", "timezone_type", "current_page", "price"].includes(key)) {
          expect(typeof value).toBe("string");
          texts++;
        }
      });
    }
    expect(numbers).toBe(0);
    expect(texts).toBeGreaterThan(100);
  });

  it("paged: the order and SKU lists as Laravel pages whose links lead through the whole list", async () => {
    const bareOrders = await json("/orders");
    const bareSkus = await json("/products", service);
    await variants("paged");
    for (const [path, token, bare, template] of [
      ["/orders", dealer, bareOrders, "/orders"],
      ["/products?per_page=120", service, bareSkus, "/products"],
    ] as const) {
      const all: unknown[] = [];
      let next: string | null = path;
      let pages = 0;
      while (next) {
        const response = await get(next.replace(/^http:\/\/[^/]+/, ""), token);
        const page = (await expectContract(response, "GET", template)) as {
          data: unknown[];
          links: { next: string | null };
          meta: { last_page: number };
        };
        all.push(...page.data);
        next = page.links.next;
        pages++;
      }
      expect(pages).toBeGreaterThan(1);
      expect(all).toEqual(bare);
    }
  });

  it("html-errors: error answers are HTML pages with the status's title and the message", async () => {
    await variants("html-errors");
    const missing = await get("/orders/999999999");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await missing.text();
    expect(page).toContain("<title>Not Found</title>");
    expect(page).toContain("No query results for model [App\\Models\\Order] 999999999");
    const unauthenticated = await t.call("GET", "/me");
    expect(unauthenticated.status).toBe(401);
    expect(await unauthenticated.text()).toContain("<title>Unauthorized</title>");
    expect((await get("/orders")).headers.get("content-type")).toMatch(/json/);
  });

  it("json-as-html: JSON answers labelled text/html", async () => {
    await variants("json-as-html");
    const response = await get("/orders");
    expect(response.headers.get("content-type")).toBe("text/html; charset=UTF-8");
    expect(Array.isArray(JSON.parse(await response.text()))).toBe(true);
  });

  it("bad-record: one record in the middle of each list has a field of the wrong type", async () => {
    const orders = await json("/orders");
    await variants("bad-record");
    const spoilt = await json("/orders");
    const middle = Math.floor(orders.length / 2);
    expect(spoilt[middle]).toEqual({ ...orders[middle], status: null });
    expect(spoilt.filter((order, index) => index !== middle)).toEqual(orders.filter((_, index) => index !== middle));
    const skus = await json("/products", service);
    expect(skus.filter((entry) => entry.update_count === "many")).toHaveLength(1);
    const stock = await json<Record<string, string>>("/stock/color?listtype=flat");
    expect(Object.values(stock).filter((value) => value === "blue")).toHaveLength(1);
  });

  it("me-without-email: /me answers without an e-mail address, everything else as before", async () => {
    const me = await json<Record<string, unknown>>("/me");
    const orders = await (await get("/orders")).text();
    expect(me.email).toEqual(expect.any(String));
    await variants("me-without-email");
    expect(await json<Record<string, unknown>>("/me")).toEqual({ ...me, email: null });
    expect(await (await get("/orders")).text()).toBe(orders);
  });

  it("without variants every answer is as before (no rewriting at all)", async () => {
    const before = await get("/orders");
    const beforeText = await before.text();
    await variants("paged", "numbers-as-strings");
    expect(await (await get("/orders")).text()).not.toBe(beforeText);
    await variants();
    const after = await get("/orders");
    expect(after.headers.get("content-type")).toBe(before.headers.get("content-type"));
    expect(await after.text()).toBe(beforeText);
  });
});
