import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { addToStoredCart, readCart, type CartOwner } from "@/lib/cart/store";
import { upsertProducts } from "@/lib/catalogue/store/products";
import { openMemoryDatabase, type DatabaseHandle } from "@/lib/db/client";
import { UpstreamClient } from "@/lib/upstream/client";
import { startSimulator, type RunningSimulator } from "@/tests/fixtures/simulator";

import { claimForSending, findAttempt, insertAttempt, markPlaced, moveAttempt, newAttemptId } from "./attempts";
import { attemptMarker } from "./order-request";
import { EMPTY_DROPSHIP } from "./delivery-address";
import type { CheckoutInput } from "./schema";
import { resolveAttempt, sendOnce, type SendContext } from "./send-once";
import { IllegalTransitionError } from "./states";

/**
 * Issue 16, hole 5: a checkout attempt belongs to its owner (person and customer). The attempt id
 * comes back from the browser; submitting another owner's failed attempt id must never send that
 * owner's stored lines or reference. Real simulator, real PGlite.
 */

const CONTROL_KEY = "test-control-key";
let simulator: RunningSimulator;
let handle: DatabaseHandle;
const tokens: Record<string, string> = {};
let skus: { sku: string; salesUnitAmount: number }[] = [];

interface SimOrder {
  reference: string;
  notes: string | null;
  customer_code: string;
  creator_email: string;
  products: unknown;
}

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${simulator.url}/__sim/${path}`, {
    method,
    headers: { "x-sim-key": CONTROL_KEY, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

const allOrders = async () => (await control("GET", "orders")) as SimOrder[];

function client(token: string) {
  return new UpstreamClient(
    { baseUrl: simulator.url, token, timeoutMs: 2_000, readAttempts: 2, sleep: async () => {} },
    "/media",
  );
}

function context(email: string, owner: CartOwner, actorCustomer: string): SendContext {
  return {
    db: handle.db,
    upstream: client(tokens[email]!),
    owner,
    actor: { name: email, customerCode: actorCustomer },
    actingForCustomer: owner.customerCode !== actorCustomer ? owner.customerCode : undefined,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 50))),
  };
}

function input(overrides: Partial<CheckoutInput> = {}): CheckoutInput {
  return {
    attemptId: newAttemptId(),
    reference: "Test order",
    notes: "",
    test: false,
    delivery: "own",
    ...EMPTY_DROPSHIP,
    ...overrides,
  };
}

/** Leaves `ctx`'s owner a failed attempt (sent while the wholesaler was down, then not found there). */
async function failedAttemptOf(ctx: SendContext, reference: string): Promise<string> {
  await control("POST", "faults", { errorRate: 1, paths: "^/orders" });
  const attempt = input({ reference, notes: `notes of ${reference}` });
  expect((await sendOnce(ctx, attempt)).kind).toBe("unknown");
  await control("DELETE", "faults");
  const row = await findAttempt(ctx.db, ctx.owner, attempt.attemptId);
  expect((await resolveAttempt(ctx, row!)).kind).toBe("not-sent");
  expect((await findAttempt(ctx.db, ctx.owner, attempt.attemptId))?.state).toBe("failed");
  return attempt.attemptId;
}

beforeAll(async () => {
  simulator = await startSimulator({ products: 300, controlKey: CONTROL_KEY, seed: "attempt-owner-tests" });
  handle = await openMemoryDatabase();
  const service = client("sim-service-token");
  const listed = await service.productSkus();
  const details = await Promise.all(listed.slice(0, 60).map((entry) => service.product(entry.sku)));
  await upsertProducts(handle.db, details, new Map(), new Date());
  skus = details
    .filter((product) => !product.blocked && !product.prices.some((tier) => tier.priceOnDemand))
    .map((product) => ({ sku: product.sku, salesUnitAmount: product.salesUnitAmount }));
  for (const email of ["dealer@acme.example", "limited@bakker.example", "admin@wholesaler.example"]) {
    tokens[email] = (await client("").issueToken(email, "demo1234")).token;
  }
}, 90_000);

afterAll(async () => {
  await handle?.close();
  await simulator?.close();
});

beforeEach(async () => {
  await control("DELETE", "faults");
  await handle.db.execute("delete from cart_lines" as never);
});

describe("a checkout attempt belongs to its owner", () => {
  it("another dealer submitting a dealer's failed attempt id sends their own cart, never the first dealer's lines or reference", async () => {
    const [aLine, bLine] = [skus[0]!, skus[1]!];
    const a: CartOwner = { userKey: "dealer@acme.example", customerCode: "EA00001" };
    const b: CartOwner = { userKey: "limited@bakker.example", customerCode: "EA00002" };
    const aContext = context("dealer@acme.example", a, "EA00001");
    const bContext = context("limited@bakker.example", b, "EA00002");
    await addToStoredCart(handle.db, a, [{ sku: aLine.sku, quantity: aLine.salesUnitAmount }]);
    const aId = await failedAttemptOf(aContext, "A-SECRET-REFERENCE");

    await addToStoredCart(handle.db, b, [{ sku: bLine.sku, quantity: bLine.salesUnitAmount }]);
    const outcome = await sendOnce(bContext, input({ attemptId: aId, reference: "B-OWN-REFERENCE" }));

    expect(outcome.kind).toBe("placed");
    const orders = await allOrders();
    expect(orders.filter((order) => order.reference === "A-SECRET-REFERENCE")).toEqual([]);
    expect(orders.filter((order) => order.notes?.includes("notes of A-SECRET-REFERENCE"))).toEqual([]);
    const bOrders = orders.filter((order) => order.reference === "B-OWN-REFERENCE");
    expect(bOrders).toHaveLength(1);
    expect(bOrders[0]!.customer_code).toBe("EA00002");
    expect(JSON.stringify(bOrders[0]!.products)).toContain(bLine.sku);
    expect(JSON.stringify(bOrders[0]!.products)).not.toContain(aLine.sku);
    // The id, which is also the marker the order is found by, is not shared with A's attempt.
    expect("attemptId" in outcome && outcome.attemptId).not.toBe(aId);
    expect(orders.filter((order) => order.notes?.includes(attemptMarker(aId)))).toEqual([]);

    // A's attempt and cart are untouched: A can still send them, once.
    const aRow = await findAttempt(handle.db, a, aId);
    expect(aRow?.state).toBe("failed");
    expect(aRow?.cartSnapshot).toEqual([{ sku: aLine.sku, quantity: aLine.salesUnitAmount }]);
    expect(await readCart(handle.db, a)).toHaveLength(1);
    expect(await readCart(handle.db, b)).toEqual([]);
    const resent = await sendOnce(aContext, input({ attemptId: aId, reference: "A-SECRET-REFERENCE" }));
    expect(resent).toMatchObject({ kind: "placed", attemptId: aId });
    expect((await allOrders()).filter((order) => order.notes?.includes(attemptMarker(aId)))).toHaveLength(1);
  });

  it("with an empty cart, another dealer's failed attempt id sends nothing at all", async () => {
    const a: CartOwner = { userKey: "dealer@acme.example", customerCode: "EA00001" };
    const b: CartOwner = { userKey: "limited@bakker.example", customerCode: "EA00002" };
    await addToStoredCart(handle.db, a, [{ sku: skus[2]!.sku, quantity: skus[2]!.salesUnitAmount }]);
    const aId = await failedAttemptOf(context("dealer@acme.example", a, "EA00001"), "A-EMPTY-CASE");
    const before = (await allOrders()).length;

    const outcome = await sendOnce(
      context("limited@bakker.example", b, "EA00002"),
      input({ attemptId: aId, reference: "B-EMPTY-CASE" }),
    );

    expect(outcome).toEqual({ kind: "empty-cart" });
    expect((await allOrders()).length).toBe(before);
    expect((await findAttempt(handle.db, a, aId))?.state).toBe("failed");
  });

  it("staff acting for another customer with their own failed attempt id of the first customer send the second customer's cart", async () => {
    const forAcme: CartOwner = { userKey: "admin@wholesaler.example", customerCode: "EA00001" };
    const forBakker: CartOwner = { userKey: "admin@wholesaler.example", customerCode: "EA00002" };
    const [acmeLine, bakkerLine] = [skus[3]!, skus[4]!];
    await addToStoredCart(handle.db, forAcme, [{ sku: acmeLine.sku, quantity: acmeLine.salesUnitAmount }]);
    const acmeId = await failedAttemptOf(context("admin@wholesaler.example", forAcme, "WH00001"), "STAFF-FOR-ACME");

    await addToStoredCart(handle.db, forBakker, [{ sku: bakkerLine.sku, quantity: bakkerLine.salesUnitAmount }]);
    const outcome = await sendOnce(
      context("admin@wholesaler.example", forBakker, "WH00001"),
      input({ attemptId: acmeId, reference: "STAFF-FOR-BAKKER" }),
    );

    expect(outcome.kind).toBe("placed");
    const orders = await allOrders();
    expect(orders.filter((order) => order.reference === "STAFF-FOR-ACME")).toEqual([]);
    const bakker = orders.filter((order) => order.reference === "STAFF-FOR-BAKKER");
    expect(bakker).toHaveLength(1);
    expect(bakker[0]!.customer_code).toBe("EA00002");
    expect(JSON.stringify(bakker[0]!.products)).toContain(bakkerLine.sku);
    expect(JSON.stringify(bakker[0]!.products)).not.toContain(acmeLine.sku);
    expect((await findAttempt(handle.db, forAcme, acmeId))?.state).toBe("failed");
    expect(await readCart(handle.db, forAcme)).toHaveLength(1);
  });
});

describe("attempts.ts changes an attempt's state only along the table of states.ts", () => {
  it("an illegal move throws and changes nothing; a legal one by another owner finds nothing", async () => {
    const owner: CartOwner = { userKey: "dealer@acme.example", customerCode: "EA00001" };
    const other: CartOwner = { userKey: "limited@bakker.example", customerCode: "EA00002" };
    const id = newAttemptId();
    await insertAttempt(handle.db, owner, {
      id,
      actorCustomerCode: "EA00001",
      actorName: "Daan de Vries",
      request: {},
      cartSnapshot: [],
    });
    await expect(moveAttempt(handle.db, owner, id, "pending", "placed")).rejects.toThrow(IllegalTransitionError);
    await expect(
      markPlaced(handle.db, owner, { id, cartSnapshot: [] }, ["pending"], { id: "1", status: "new" }),
    ).rejects.toThrow(IllegalTransitionError);
    expect((await findAttempt(handle.db, owner, id))?.state).toBe("pending");

    // By id alone nothing moves: another owner neither claims nor settles it.
    expect(await claimForSending(handle.db, other, id)).toBeNull();
    expect(await moveAttempt(handle.db, other, id, "sending", "unknown")).toBe(false);
    expect((await findAttempt(handle.db, owner, id))?.state).toBe("pending");
    expect((await claimForSending(handle.db, owner, id))?.state).toBe("sending");
  });
});
