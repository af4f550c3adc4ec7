import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { wireDate, wireOrder } from "@/tests/fixtures/wire-orders";

import { UpstreamClient, type UpstreamLogger } from "./client";
import { UpstreamError } from "./errors";

/**
 * Lists read record by record and page by page, over a real HTTP server whose
 * answers each test writes: one bad record in the middle of each list, pages
 * linked by `links.next`, by `meta` alone or by `next_page_url`.
 */
type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let handler: Handler = (_req, res) => res.end("[]");
const requested: string[] = [];
let server: Server;
let baseUrl: string;
const warnings: string[] = [];
const logger: UpstreamLogger = { warn: (message) => void warnings.push(message) };

beforeAll(async () => {
  server = createServer((req, res) => {
    requested.push(req.url ?? "");
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requested.length = 0;
  warnings.length = 0;
});

function client(maxPages?: number): UpstreamClient {
  return new UpstreamClient({ baseUrl, token: "t", timeoutMs: 1_000, readAttempts: 1, logger, maxPages }, "/media");
}

/** Answers by path and query: `routes["/orders?page=2"]` or `routes["/orders"]`. */
function serve(routes: Record<string, unknown>): void {
  handler = (req, res) => {
    const url = req.url ?? "";
    const body = url in routes ? routes[url] : routes[url.split("?")[0] ?? ""];
    if (body === undefined) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end('{"message":"Not found."}');
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
}

const date = wireDate;
const order = wireOrder;

const company = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  name: `Company ${code}`,
  address: { street: "Dorpsstraat", number: "1", postal_code: "1234AB", city: "Ede", cc: "NL", country: "NL" },
  ...extra,
});

const category = (code: string, extra: Record<string, unknown> = {}) => ({
  id: `id-${code}`,
  code,
  title: code,
  level: 1,
  path: `id-${code}`,
  path_new: code,
  is_group: false,
  media: [],
  children: [],
  ...extra,
});

const skuEntry = (sku: string, extra: Record<string, unknown> = {}) => ({
  sku,
  last_modified: date,
  update_count: 1,
  ...extra,
});

describe("one bad record in the middle of a list", () => {
  it("orders: the others are read, the bad one counted and logged once by id and field path, without personal data", async () => {
    serve({ "/orders": [order(1), order(2, { status: { nested: "Geheime Straat" } }), order(3)] });
    const orders = await client().orders();
    expect(orders.map((o) => o.id)).toEqual(["1", "3"]);
    expect(orders.skipped).toBe(1);
    expect(orders.skippedIds).toEqual(["2"]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^upstream orders: left out 1 record it could not read: id 2 at status: /);
    expect(warnings[0]).not.toMatch(/Geheime|Private|Jane|Daan|\+31/);
  });

  it("orders: a date that cannot be read leaves out that order only", async () => {
    serve({
      "/orders": [order(1), order(2, { updated_at: { ...date, timezone: "Mars/Olympus" } }), order(3)],
    });
    const orders = await client().orders();
    expect(orders.map((o) => o.id)).toEqual(["1", "3"]);
    expect(warnings[0]).toContain("id 2 at a date: unknown time zone");
  });

  it("orders: a bad line or shipment is a bad order, named by its path", async () => {
    serve({ "/orders": [order(1), order(2, { products: [{ product_sku: "X", quantity: "two" }] }), order(3)] });
    const orders = await client().orders();
    expect(orders.skipped).toBe(1);
    expect(warnings[0]).toContain("id 2 at products.0.quantity");
  });

  it("companies: one page and all pages", async () => {
    serve({
      "/companies": {
        data: [company("EA00001"), company("EA00002", { name: null }), company("EA00003")],
        links: { next: null },
        meta: { current_page: 1, last_page: 1, total: 3 },
      },
    });
    const page = await client().companies(1);
    expect(page.companies.map((c) => c.code)).toEqual(["EA00001", "EA00003"]);
    expect(page.skipped).toBe(1);
    expect(page).toMatchObject({ page: 1, lastPage: 1, total: 3 });
    const all = await client().allCompanies();
    expect(all.map((c) => c.code)).toEqual(["EA00001", "EA00003"]);
    expect(all.skippedIds).toEqual(["EA00002"]);
    expect(warnings.every((line) => !line.includes("Dorpsstraat") && !line.includes("Company"))).toBe(true);
  });

  it("categories: a bad root and a bad child are left out, their siblings kept", async () => {
    serve({
      "/categories": [
        category("A", { children: [category("A-1"), category("A-2", { level: "deep" }), {}] }),
        category("B", { media: "none" }),
        category("C"),
      ],
    });
    const tree = await client().categories();
    expect(tree.map((c) => c.code)).toEqual(["A", "C"]);
    expect(tree[0]?.children.map((c) => c.code)).toEqual(["A-1"]);
    expect(tree.skipped).toBe(2);
    expect([...tree.skippedIds].sort()).toEqual(["A-2", "B"]);
    expect(warnings).toHaveLength(1);
  });

  it("the SKU list", async () => {
    serve({ "/products": [skuEntry("0100001"), skuEntry("0100002", { update_count: "many" }), skuEntry("0100003")] });
    const skus = await client().productSkus();
    expect(skus.map((s) => s.sku)).toEqual(["0100001", "0100003"]);
    expect(skus.skippedIds).toEqual(["0100002"]);
    expect(warnings[0]).toContain("id 0100002 at update_count");
  });

  it("stock lists, nested and flat, colours and numbers", async () => {
    serve({ "/stock/color": [{ a: "green" }, { b: "blue" }, "nonsense", { c: "RED" }] });
    const nested = await client().stockColours();
    expect([...nested]).toEqual([
      ["a", "green"],
      ["c", "red"],
    ]);
    expect(nested.skipped).toBe(2);
    expect(nested.skippedIds).toEqual(["b"]);

    serve({ "/stock/color": { a: "green", b: 7, c: "red" } });
    const flat = await client().stockColours({ listType: "flat" });
    expect([...flat.keys()]).toEqual(["a", "c"]);
    expect(flat.skipped).toBe(1);

    serve({ "/stock/numeric": [{ a: 2 }, { b: "lots" }, { c: "0" }, { d: "1" }] });
    const numeric = await client().stockNumeric();
    expect([...numeric]).toEqual([
      ["a", "green"],
      ["c", "red"],
      ["d", "green"],
    ]);
    expect(numeric.skipped).toBe(1);
  });

  it("a list that is not a list at all is still a malformed answer", async () => {
    serve({ "/orders": { message: "hello" } });
    await expect(client().orders()).rejects.toMatchObject({ kind: "malformed" });
  });

  it("the list methods still answer plain arrays to existing callers", async () => {
    serve({ "/orders": [order(1)] });
    const orders = await client().orders();
    expect(Array.isArray(orders)).toBe(true);
    expect(Object.keys(orders)).toEqual(["0"]);
    expect(JSON.parse(JSON.stringify(orders))).toHaveLength(1);
  });
});

describe("lists that page", () => {
  const page = (data: unknown[], current: number, last: number, next: string | null) => ({
    data,
    links: { first: "x", last: "x", prev: null, next },
    meta: { current_page: current, last_page: last, per_page: 2, total: 5 },
  });

  it("follows links.next to the last page, keeping the filter", async () => {
    serve({
      "/orders?status%5B%5D=shipped": page([order(1), order(2)], 1, 3, `${baseUrl}/orders?status%5B%5D=shipped&page=2`),
      "/orders?status%5B%5D=shipped&page=2": page(
        [order(3), order(4, { status: null })],
        2,
        3,
        `${baseUrl}/orders?status%5B%5D=shipped&page=3`,
      ),
      "/orders?status%5B%5D=shipped&page=3": page([order(5)], 3, 3, null),
    });
    const orders = await client().orders({ statuses: ["shipped"] });
    expect(orders.map((o) => o.id)).toEqual(["1", "2", "3", "5"]);
    expect(orders.skipped).toBe(1);
    expect(orders.complete).toBe(true);
    expect(requested).toHaveLength(3);
  });

  it("reads pages from meta alone (no links) and from Laravel's plain paginator", async () => {
    serve({
      "/products": { data: [skuEntry("a")], meta: { current_page: 1, last_page: 2 } },
      "/products?page=2": { data: [skuEntry("b")], meta: { current_page: 2, last_page: 2 } },
    });
    expect((await client().productSkus()).map((s) => s.sku)).toEqual(["a", "b"]);

    serve({
      "/companies?per_page=100": { current_page: 1, data: [company("A")], next_page_url: "/companies?page=2" },
      "/companies?page=2": { current_page: 2, data: [company("B")], next_page_url: null },
    });
    expect((await client().allCompanies()).map((c) => c.code)).toEqual(["A", "B"]);
  });

  it("never follows a next link to another host (the token would go with it)", async () => {
    serve({ "/orders": page([order(1)], 1, 2, "https://evil.example/orders?page=2") });
    const orders = await client().orders();
    expect(orders.map((o) => o.id)).toEqual(["1"]);
    expect(orders.complete).toBe(false);
    expect(requested).toEqual(["/orders"]);
    expect(warnings[0]).toContain("another host");
  });

  it("stops at the page bound and on a link that points back", async () => {
    serve({
      "/orders": page([order(1)], 1, 9, `${baseUrl}/orders?page=2`),
      "/orders?page=2": page([order(2)], 2, 9, `${baseUrl}/orders?page=3`),
      "/orders?page=3": page([order(3)], 3, 9, `${baseUrl}/orders?page=4`),
    });
    const bounded = await client(2).orders();
    expect(bounded.map((o) => o.id)).toEqual(["1", "2"]);
    expect(bounded.complete).toBe(false);

    serve({
      "/orders": page([order(1)], 1, 2, `${baseUrl}/orders?page=2`),
      "/orders?page=2": page([order(2)], 2, 2, `${baseUrl}/orders?page=2`),
    });
    expect((await client().orders()).map((o) => o.id)).toEqual(["1", "2"]);
    expect(requested.filter((url) => url === "/orders?page=2")).toHaveLength(2); // once per read
  });

  it("a page that fails fails the read (no silent page 1 only)", async () => {
    serve({ "/orders": page([order(1)], 1, 2, `${baseUrl}/orders/gone?page=2`) });
    const error = await client()
      .orders()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).kind).toBe("not_found");
  });
});

describe("order ids", () => {
  it("accepts integer, numeric text and opaque string ids in the list, the detail and the status", async () => {
    serve({
      "/orders": [order(100001), order("100002"), order("ORD123456")],
      "/orders/ORD123456": order("ORD123456"),
      "/orders/ORD123456/status": { status: "Processing", updated_at: "2024-03-01T09:00:00Z" },
    });
    const orders = await client().orders();
    expect(orders.map((o) => o.id)).toEqual(["100001", "100002", "ORD123456"]);
    expect(orders.skipped).toBe(0);
    expect((await client().order("ORD123456")).id).toBe("ORD123456");
    expect((await client().orderStatus("ORD123456")).status).toBe("processing");
  });
});

describe("an order detail that cannot be read whole", () => {
  it("is read as far as it can be: unreadable fields, lines and dates left out and named by path", async () => {
    serve({
      "/orders/7": order(7, {
        shippingAddress: "Geheime Straat 7",
        updated_at: { ...date, timezone: "Mars/Olympus" },
        products: [
          { product_sku: "A", quantity: 1, price: 10 },
          { product_sku: "B", quantity: "many" },
          { product_sku: "C", quantity: 3 },
        ],
        shipments: [{ created_at: date, shipment_id: 1, courier: "DHL", tracker_code: "JD1" }, { courier: 5 }],
      }),
    });
    const { order: read, unreadable } = await client().orderAsFarAsReadable("7");
    expect(read.id).toBe("7");
    expect(read.reference).toBe("PO 7");
    expect(read.lines.map((line) => line.sku)).toEqual(["A", "C"]);
    expect(read.shipments).toHaveLength(1);
    expect(read.shippingAddress).toBeNull();
    expect(read.updatedAt).toBeNull();
    expect(unreadable.sort()).toEqual(["products.1", "shipments.1", "shippingAddress", "updated_at"]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).not.toContain("Geheime");
    // The strict read still refuses it.
    await expect(client().order("7")).rejects.toMatchObject({ kind: "malformed" });
  });

  it("an unreadable status is an unknown status; without a readable id it is no order", async () => {
    serve({ "/orders/8": order(8, { status: 42 }), "/orders/9": order("", {}) });
    const { order: read, unreadable } = await client().orderAsFarAsReadable("8");
    expect(read.status).toBe("unknown");
    expect(unreadable).toEqual(["status"]);
    await expect(client().orderAsFarAsReadable("9")).rejects.toMatchObject({ kind: "malformed" });
  });
});
