/** The permission rules, one test each. */
import { beforeAll, describe, expect, it } from "vitest";
import type { OrderJson } from "../dataset/orders.js";
import { findProducts, type TestSim, testSim } from "./helpers.js";

let t: TestSim;
let tokens: Awaited<ReturnType<TestSim["tokens"]>>;
let sku: string;

beforeAll(async () => {
  t = testSim();
  tokens = await t.tokens();
  [sku] = findProducts(t.sim, (p) => !p.blocked && p.sales_unit_amount === 1) as [string];
});

const orders = async (token: string, query = "") =>
  (await (await t.call("GET", `/orders${query}`, { token })).json()) as OrderJson[];

describe("permissions", () => {
  it("the company list needs permission companies", async () => {
    expect((await t.call("GET", "/companies", { token: tokens.dealer })).status).toBe(403);
    expect(await (await t.call("GET", "/companies", { token: tokens.limited })).json()).toEqual({
      message: "This action is unauthorized.",
    });
    const page = (await (await t.call("GET", "/companies", { token: tokens.admin })).json()) as {
      data: unknown[];
      meta: { total: number; per_page: number };
    };
    expect(page.data).toHaveLength(15);
    expect(page.meta.total).toBeGreaterThanOrEqual(40);
  });

  it("a company's detail is open to its own users and to permission companies only", async () => {
    expect((await t.call("GET", "/companies/EA00001", { token: tokens.dealer })).status).toBe(200);
    expect((await t.call("GET", "/companies/EA00002", { token: tokens.dealer })).status).toBe(403);
    expect((await t.call("GET", "/companies/EA00002", { token: tokens.admin })).status).toBe(200);
  });

  it("a dealer sees only its own orders, newest first", async () => {
    const list = await orders(tokens.dealer);
    expect(list.length).toBeGreaterThanOrEqual(30);
    expect(list.every((order) => order.customer.code === "EA00001")).toBe(true);
    expect(list.map((order) => order.id)).toEqual([...list.map((order) => order.id)].sort((a, b) => b - a));
  });

  it("a dealer's customer_id filter is ignored", async () => {
    const list = await orders(tokens.dealer, "?customer_id=EA00002");
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((order) => order.customer.code === "EA00001")).toBe(true);
  });

  it("an admin sees its own orders unless it names a customer", async () => {
    expect((await orders(tokens.admin)).every((order) => order.customer.code === "WH00001")).toBe(true);
    const bakker = await orders(tokens.admin, "?customer_id=EA00002");
    expect(bakker.length).toBeGreaterThan(0);
    expect(bakker.every((order) => order.customer.code === "EA00002")).toBe(true);
  });

  it("another customer's order is a 404 with a message", async () => {
    const [theirs] = await orders(tokens.limited);
    const response = await t.call("GET", `/orders/${theirs?.id}`, { token: tokens.dealer });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { message: string }).message).toMatch(/No query results/);
    expect((await t.call("GET", `/orders/${theirs?.id}/status`, { token: tokens.dealer })).status).toBe(404);
    expect((await t.call("GET", `/orders/${theirs?.id}`, { token: tokens.admin })).status).toBe(200);
  });

  it("ordering for another customer needs permission companies", async () => {
    const body = { customercode: "EA00002", products: [{ sku, amount: 1 }] };
    const denied = await t.call("POST", "/orders", { token: tokens.dealer, json: body });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toEqual({ message: "This action is unauthorized." });
    const own = await t.call("POST", "/orders", { token: tokens.dealer, json: { ...body, customercode: "EA00001" } });
    expect(own.status).toBe(201);
    const admin = await t.call("POST", "/orders", { token: tokens.admin, json: body });
    expect(admin.status).toBe(201);
    const { data } = (await admin.json()) as { data: { id: string } };
    const placed = t.sim.state.orders.get(Number(data.id));
    expect(placed?.customerCode).toBe("EA00002");
    expect(placed?.creatorName).toBe("Wendy Groothandel");
  });

  it("an admin ordering for an unknown customer gets a 422", async () => {
    const response = await t.call("POST", "/orders", {
      token: tokens.admin,
      json: { customercode: "EA99999", products: [{ sku, amount: 1 }] },
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { errors: Record<string, string[]> }).errors.customercode).toEqual([
      "The selected customercode is invalid.",
    ]);
  });

  it("the product list needs feature PRODUCT_LIST; product details do not", async () => {
    expect((await t.call("GET", "/products", { token: tokens.limited })).status).toBe(403);
    expect((await t.call("GET", "/products", { token: tokens.dealer })).status).toBe(200);
    expect((await t.call("GET", `/products/${sku}`, { token: tokens.limited })).status).toBe(200);
  });
});
