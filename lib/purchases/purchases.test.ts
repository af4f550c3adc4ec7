import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { openMemoryDatabase, type DatabaseHandle } from "@/lib/db/client";
import type { Order } from "@/lib/domain/order";
import { PERMISSION_COMPANIES } from "@/lib/domain/user";
import { UpstreamClient } from "@/lib/upstream/client";
import { startSimulator, type RunningSimulator } from "@/tests/fixtures/simulator";

import { boughtBefore, boughtSkus, FILL_LIMIT, recordNewestOrders } from "./buy-again";
import { lastPrices } from "./last-prices";
import { paidUnitPrice, recordOrderFor, recordOrders, type Buyer } from "./record-order";

/**
 * The dealer's own prices and "buy again", from orders of the real simulator recorded in a real
 * PGlite database: recorded once per customer, order and SKU; the latest price wins; a customer
 * never reads another's; staff acting for a customer read that customer's.
 */

const CONTROL_KEY = "test-control-key";
let simulator: RunningSimulator;
let handle: DatabaseHandle;
const tokens: Record<string, string> = {};

const acmeDealer: Buyer = { permissions: [], customerCode: "EA00001", activeCustomerCode: "EA00001" };
const bakkerDealer: Buyer = { permissions: [], customerCode: "EA00002", activeCustomerCode: "EA00002" };
const staffForAcme: Buyer = {
  permissions: [PERMISSION_COMPANIES],
  customerCode: "WH00001",
  activeCustomerCode: "EA00001",
};

function client(token: string) {
  return new UpstreamClient(
    { baseUrl: simulator.url, token, timeoutMs: 5_000, readAttempts: 2, sleep: async () => {} },
    "/media",
  );
}

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${simulator.url}/__sim/${path}`, {
    method,
    headers: { "x-sim-key": CONTROL_KEY, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  return response.json();
}

/** The customer's orders with lines that were bought (not canceled or refused), newest first. */
async function boughtOrders(email: string): Promise<Order[]> {
  const orders = await client(tokens[email] ?? "").orders();
  return orders
    .filter((order) => order.lines.length && order.status !== "canceled" && order.status !== "error")
    .sort((a, b) => (b.updatedAt?.getTime() ?? 0) - (a.updatedAt?.getTime() ?? 0));
}

beforeAll(async () => {
  simulator = await startSimulator({ products: 300, controlKey: CONTROL_KEY, seed: "purchases-tests" });
  handle = await openMemoryDatabase();
  for (const email of ["dealer@acme.example", "limited@bakker.example", "admin@wholesaler.example"]) {
    tokens[email] = (await client("").issueToken(email, "demo1234")).token;
  }
}, 90_000);

afterAll(async () => {
  await handle?.close();
  await simulator?.close();
});

beforeEach(async () => {
  await handle.db.execute("delete from purchased_lines" as never);
});

describe("recording the lines of orders", () => {
  it("records an order's lines once per SKU, however often it is read, with the sold price per price unit", async () => {
    const [order] = await boughtOrders("dealer@acme.example");
    if (!order) throw new Error("the simulator's demo dealer has orders");
    const detail = await client(tokens["dealer@acme.example"] ?? "").order(order.id);
    await recordOrderFor(handle.db, acmeDealer, detail);
    await recordOrderFor(handle.db, acmeDealer, detail);
    await recordOrders(handle.db, "EA00001", [detail]);

    const skus = [...new Set(detail.lines.map((line) => line.sku))];
    const rows = (await handle.db.execute(
      "select sku, order_id, quantity from purchased_lines order by sku" as never,
    )) as unknown as { rows: { sku: string; order_id: string; quantity: number }[] };
    expect(rows.rows.map((row) => row.sku)).toEqual([...skus].sort());
    expect(new Set(rows.rows.map((row) => row.order_id))).toEqual(new Set([detail.id]));

    const prices = await lastPrices(handle.db, acmeDealer, skus);
    for (const line of detail.lines) {
      expect(prices.get(line.sku)).toMatchObject({ orderId: detail.id, unitPrice: paidUnitPrice(line) });
      // The dealer's own price, not the list price (Acme is in a discount group).
      expect(prices.get(line.sku)?.unitPrice).toBeLessThan(line.listPrice ?? 0);
    }
  });

  it("the latest order's price wins, in whichever order the orders are read", async () => {
    const dealer = client(tokens["dealer@acme.example"] ?? "");
    const listed = await client("sim-service-token").productSkus();
    const details = await Promise.all(
      listed.slice(0, 120).map((entry) => client("sim-service-token").product(entry.sku)),
    );
    const tiered = details.find(
      (product) =>
        !product.blocked &&
        product.prices.length >= 2 &&
        !product.prices.some((tier) => tier.priceOnDemand) &&
        product.prices.every((tier) => tier.minQuantity % product.salesUnitAmount === 0),
    );
    if (!tiered) throw new Error("the simulator has a product with volume tiers");
    const [low, high] = [...tiered.prices].sort((a, b) => a.minQuantity - b.minQuantity);
    const amount = (tier: typeof low) => Math.max(tiered.salesUnitAmount, tier?.minQuantity ?? 0);

    const earlier = await dealer.createOrder({
      reference: "last-price earlier",
      test: true,
      products: [{ sku: tiered.sku, amount: amount(high) }],
    });
    const earlierDetail = await dealer.order(earlier.id);
    await control("POST", "clock/advance", { minutes: 120 });
    const later = await dealer.createOrder({
      reference: "last-price later",
      test: true,
      products: [{ sku: tiered.sku, amount: amount(low) }],
    });
    const laterDetail = await dealer.order(later.id);
    const paid = (order: Order) => paidUnitPrice(order.lines[0] ?? { soldPrice: null, customerPrice: null });
    expect(paid(laterDetail)).not.toBe(paid(earlierDetail));

    await recordOrders(handle.db, "EA00001", [laterDetail]);
    await recordOrders(handle.db, "EA00001", [earlierDetail]);
    expect((await lastPrices(handle.db, acmeDealer, [tiered.sku])).get(tiered.sku)).toMatchObject({
      orderId: laterDetail.id,
      unitPrice: paid(laterDetail),
    });
  });

  it("keeps nothing of a canceled order", async () => {
    const canceled = (await client(tokens["dealer@acme.example"] ?? "").orders()).find(
      (order) => order.status === "canceled" && order.lines.length,
    );
    if (!canceled) throw new Error("the demo dealer has a canceled order");
    expect(await recordOrders(handle.db, "EA00001", [canceled])).toBe(0);
    expect(
      await boughtSkus(
        handle.db,
        acmeDealer,
        canceled.lines.map((line) => line.sku),
      ),
    ).toEqual(new Set());
  });
});

describe("whose prices", () => {
  it("a customer never reads another customer's prices; staff acting for a customer read that customer's", async () => {
    const [acmeOrder] = await boughtOrders("dealer@acme.example");
    const [bakkerOrder] = await boughtOrders("limited@bakker.example");
    if (!acmeOrder || !bakkerOrder) throw new Error("both demo customers have orders");
    await recordOrderFor(handle.db, acmeDealer, acmeOrder);
    await recordOrderFor(handle.db, bakkerDealer, bakkerOrder);
    const acmeSkus = acmeOrder.lines.map((line) => line.sku);
    const onlyAcme = acmeSkus.filter((sku) => !bakkerOrder.lines.some((line) => line.sku === sku));
    expect(onlyAcme.length).toBeGreaterThan(0);

    expect((await lastPrices(handle.db, acmeDealer, onlyAcme)).size).toBe(onlyAcme.length);
    expect((await lastPrices(handle.db, bakkerDealer, onlyAcme)).size).toBe(0);
    expect(await boughtSkus(handle.db, bakkerDealer, onlyAcme)).toEqual(new Set());
    // Bakker's person naming Acme as the active customer, without the staff permission, still reads Bakker's.
    const bakkerNamingAcme: Buyer = { ...bakkerDealer, activeCustomerCode: "EA00001" };
    expect((await lastPrices(handle.db, bakkerNamingAcme, onlyAcme)).size).toBe(0);

    const staff = await lastPrices(handle.db, staffForAcme, acmeSkus);
    expect([...staff.values()].map((price) => price.orderId)).toEqual(
      acmeSkus.map(() => acmeOrder.id).slice(0, staff.size),
    );
    expect(staff.size).toBe(new Set(acmeSkus).size);
    // Staff acting for Acme record Acme's lines, never under their own code.
    await recordOrderFor(handle.db, staffForAcme, acmeOrder);
    expect((await lastPrices(handle.db, { ...staffForAcme, activeCustomerCode: "WH00001" }, acmeSkus)).size).toBe(0);
  });
});

describe("buy again", () => {
  it("records at most the newest orders not read yet, then lists each SKU once, newest first, with its count of orders", async () => {
    const orders = await client(tokens["dealer@acme.example"] ?? "").orders();
    expect(orders.length).toBeGreaterThan(FILL_LIMIT);
    const newest = [...orders]
      .sort((a, b) => (b.updatedAt?.getTime() ?? 0) - (a.updatedAt?.getTime() ?? 0))
      .slice(0, FILL_LIMIT)
      .filter((order) => order.status !== "canceled" && order.status !== "error" && order.lines.length);
    expect(await recordNewestOrders(handle.db, "EA00001", orders)).toBe(newest.length);
    expect(await recordNewestOrders(handle.db, "EA00001", orders)).toBe(0);

    const page = await boughtBefore(handle.db, acmeDealer, { pageSize: 500 });
    const expectedSkus = new Set(newest.flatMap((order) => order.lines.map((line) => line.sku)));
    expect(new Set(page.items.map((item) => item.sku))).toEqual(expectedSkus);
    expect(page.total).toBe(expectedSkus.size);
    const dates = page.items.map((item) => item.lastOrderedAt.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const item of page.items) {
      const holding = newest.filter((order) => order.lines.some((line) => line.sku === item.sku));
      expect(item.timesOrdered).toBe(holding.length);
      expect(holding.map((order) => order.id)).toContain(item.lastOrderId);
    }

    const wanted = page.items[page.items.length - 1]?.sku ?? "";
    const searched = await boughtBefore(handle.db, acmeDealer, { query: wanted.toLowerCase() });
    expect(searched.items.map((item) => item.sku)).toContain(wanted);
    expect(searched.items.every((item) => item.sku.toLowerCase().includes(wanted.toLowerCase()))).toBe(true);
    expect((await boughtBefore(handle.db, acmeDealer, { query: "%" })).total).toBe(0);
    expect((await boughtBefore(handle.db, bakkerDealer)).total).toBe(0);

    const paged = await boughtBefore(handle.db, acmeDealer, { pageSize: 5, page: 2 });
    expect(paged.items.map((item) => item.sku)).toEqual(page.items.slice(5, 10).map((item) => item.sku));
  });
});
