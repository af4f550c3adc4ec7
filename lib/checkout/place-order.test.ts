import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { addToStoredCart, readCart, type CartOwner } from "@/lib/cart/store";
import { upsertProducts } from "@/lib/catalogue/store/products";
import { checkoutAttempts } from "@/lib/db/schema";
import { openMemoryDatabase, type DatabaseHandle } from "@/lib/db/client";
import { UpstreamClient } from "@/lib/upstream/client";
import { startSimulator, type RunningSimulator } from "@/tests/fixtures/simulator";

import { newAttemptId } from "./attempts";
import { attemptMarker } from "./order-request";
import { sendOnce, UNANSWERED_SEND_SETTLES_MS, type SendContext } from "./send-once";
import { EMPTY_DROPSHIP } from "./delivery-address";
import type { CheckoutInput } from "./schema";

/**
 * Exactly-once checkout against the real simulator (with its fault modes) and a
 * real PGlite database: after each fault the simulator holds exactly one order
 * for the attempt, or none with the cart intact.
 */

const CONTROL_KEY = "test-control-key";
let simulator: RunningSimulator;
let handle: DatabaseHandle;
let dealerToken: string;
let orderable: { sku: string; salesUnitAmount: number; dropshipable: boolean }[] = [];
const owner: CartOwner = { userKey: "dealer@acme.example", customerCode: "EA00001" };

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${simulator.url}/__sim/${path}`, {
    method,
    headers: { "x-sim-key": CONTROL_KEY, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function ordersWithMarker(attemptId: string): Promise<unknown[]> {
  const orders = (await control("GET", "orders")) as { notes: string | null }[];
  return orders.filter((order) => order.notes?.includes(attemptMarker(attemptId)));
}

function client(token: string, timeoutMs = 2_000) {
  return new UpstreamClient(
    { baseUrl: simulator.url, token, timeoutMs, readAttempts: 2, sleep: async () => {} },
    "/media",
  );
}

/** `later`: how far this context's clock runs ahead of the real one (a retry made that much later). */
function context(timeoutMs?: number, later = 0): SendContext {
  return {
    db: handle.db,
    upstream: client(dealerToken, timeoutMs),
    owner,
    actor: { name: "Daan de Vries", customerCode: "EA00001" },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 50))),
    now: () => Date.now() + later,
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

async function fillCart(count = 2) {
  await handle.db.execute("delete from cart_lines" as never);
  await addToStoredCart(
    handle.db,
    owner,
    orderable.slice(0, count).map((product) => ({ sku: product.sku, quantity: product.salesUnitAmount })),
  );
}

beforeAll(async () => {
  simulator = await startSimulator({ products: 300, controlKey: CONTROL_KEY, seed: "checkout-tests" });
  handle = await openMemoryDatabase();
  const service = client("sim-service-token");
  const listed = await service.productSkus();
  const details = await Promise.all(listed.slice(0, 80).map((entry) => service.product(entry.sku)));
  await upsertProducts(handle.db, details, new Map(), new Date());
  orderable = details
    .filter((product) => !product.blocked && !product.prices.some((tier) => tier.priceOnDemand))
    .map((product) => ({
      sku: product.sku,
      salesUnitAmount: product.salesUnitAmount,
      dropshipable: product.dropshipable,
    }));
  dealerToken = (await client("").issueToken("dealer@acme.example", "demo1234")).token;
}, 90_000);

afterAll(async () => {
  await handle?.close();
  await simulator?.close();
});

beforeEach(async () => {
  await control("DELETE", "faults");
  // Each test starts without attempts: one a test before left open would be settled first.
  await handle.db.delete(checkoutAttempts);
  await fillCart();
});

describe("sendOnce (exactly-once checkout)", () => {
  it("sends the cart once and then takes it out of the cart", async () => {
    const attempt = input();
    const outcome = await sendOnce(context(), attempt);
    expect(outcome).toMatchObject({ kind: "placed", attemptId: attempt.attemptId });
    expect(await ordersWithMarker(attempt.attemptId)).toHaveLength(1);
    expect(await readCart(handle.db, owner)).toEqual([]);
  });

  it("a double click (two requests, one attempt) makes one order and both hear of it", async () => {
    const attempt = input();
    const [first, second] = await Promise.all([sendOnce(context(), attempt), sendOnce(context(), attempt)]);
    expect(first.kind).toBe("placed");
    expect(second).toEqual(first);
    expect(await ordersWithMarker(attempt.attemptId)).toHaveLength(1);
  });

  it("a second tab with its own attempt does not order the same cart again", async () => {
    const first = input();
    const [a, b] = await Promise.all([sendOnce(context(), first), sendOnce(context(), input())]);
    const placed = [a, b].filter((outcome) => outcome.kind === "placed");
    expect(placed.length).toBeGreaterThanOrEqual(1);
    const orders = (await control("GET", "orders")) as { notes: string | null }[];
    const ours = orders.filter((order) =>
      [a, b].some((o) => "attemptId" in o && order.notes?.includes(attemptMarker(o.attemptId))),
    );
    expect(ours).toHaveLength(1);
  });

  it.each(["502", "drop"] as const)(
    "commit then fail (%s): finds the order instead of sending it again",
    async (mode) => {
      await control("POST", "faults", { commitThenFail: { count: 1, mode } });
      const attempt = input();
      const outcome = await sendOnce(context(), attempt);
      expect(outcome.kind).toBe("placed");
      expect(await ordersWithMarker(attempt.attemptId)).toHaveLength(1);
      expect(await readCart(handle.db, owner)).toEqual([]);
    },
  );

  it("the wholesaler down: nothing is ordered, the cart is intact, and a retry later orders once", async () => {
    await control("POST", "faults", { errorRate: 1, paths: "^/orders" });
    const attempt = input();
    const before = await readCart(handle.db, owner);
    const outcome = await sendOnce(context(), attempt);
    expect(outcome).toMatchObject({ kind: "unknown" });
    expect(await readCart(handle.db, owner)).toEqual(before);
    expect(await ordersWithMarker(attempt.attemptId)).toHaveLength(0);

    await control("DELETE", "faults");
    const retried = await sendOnce(context(), attempt);
    expect(retried.kind).toBe("placed");
    expect(await ordersWithMarker(attempt.attemptId)).toHaveLength(1);
  });

  it("orders unreadable as well: the outcome stays open, nothing is ordered, the cart stays", async () => {
    await control("POST", "faults", { errorRate: 1, paths: "^/orders$" });
    const attempt = input();
    const outcome = await sendOnce(context(), attempt);
    // GET /orders also matches ^/orders$, so the look-up fails too: the outcome stays unknown.
    expect(["unknown", "not-sent"]).toContain(outcome.kind);
    expect(await ordersWithMarker(attempt.attemptId)).toHaveLength(0);
    expect((await readCart(handle.db, owner)).length).toBe(2);
  });

  it("a time-out: never a second order, and the cart stays until the outcome is known", async () => {
    await control("POST", "faults", { hangRate: 1, paths: "^/orders$" });
    const attempt = input();
    const outcome = await sendOnce(context(300), attempt);
    expect(outcome.kind).not.toBe("placed");
    await control("DELETE", "faults");
    expect(await ordersWithMarker(attempt.attemptId)).toHaveLength(0);
    expect((await readCart(handle.db, owner)).length).toBe(2);
    // Straight away the order may still be on its way: looked for, not sent.
    expect(await sendOnce(context(), attempt)).toEqual({ kind: "unknown", attemptId: attempt.attemptId });
    expect(await ordersWithMarker(attempt.attemptId)).toHaveLength(0);
    const retried = await sendOnce(context(undefined, UNANSWERED_SEND_SETTLES_MS), attempt);
    expect(retried.kind).toBe("placed");
    expect(await ordersWithMarker(attempt.attemptId)).toHaveLength(1);
  });

  it("the wholesaler takes the order after the portal stopped waiting: it is not sent again, and is found once it is there", async () => {
    await control("POST", "faults", { commitLate: { count: 1, delayMs: 1_000 }, paths: "^/orders$" });
    const attempt = input();
    const cart = await readCart(handle.db, owner);
    const outcome = await sendOnce(context(300), attempt);
    expect(outcome).toEqual({ kind: "unknown", attemptId: attempt.attemptId });
    expect(await ordersWithMarker(attempt.attemptId)).toHaveLength(0);
    expect(await readCart(handle.db, owner)).toEqual(cart);

    await expect.poll(() => ordersWithMarker(attempt.attemptId), { timeout: 5_000 }).toHaveLength(1);
    const retried = await sendOnce(context(), attempt);
    expect(retried).toMatchObject({ kind: "placed", attemptId: attempt.attemptId });
    expect(await ordersWithMarker(attempt.attemptId)).toHaveLength(1);
    expect(await readCart(handle.db, owner)).toEqual([]);
  });

  it("the wholesaler's 422 comes back per field, with the cart untouched", async () => {
    const notDropshipable = orderable.find((product) => !product.dropshipable);
    expect(notDropshipable).toBeDefined();
    await handle.db.execute("delete from cart_lines" as never);
    await addToStoredCart(handle.db, owner, [
      { sku: notDropshipable!.sku, quantity: notDropshipable!.salesUnitAmount },
    ]);
    const attempt = input({
      delivery: "dropship",
      firstName: "Jane",
      lastName: "Doe",
      street: "Elm Street",
      houseNumber: "456",
      postcode: "5678CD",
      city: "Rotterdam",
      phone: "+31 20 123 4567",
    });
    const outcome = await sendOnce(context(), attempt);
    expect(outcome.kind).toBe("rejected");
    if (outcome.kind === "rejected") expect(Object.keys(outcome.fieldErrors).length).toBeGreaterThan(0);
    expect((await readCart(handle.db, owner)).length).toBe(1);
    expect(await ordersWithMarker(attempt.attemptId)).toHaveLength(0);
  });

  describe("the portal process restarted in the middle of a checkout", () => {
    /** What a process killed while sending leaves: the attempt claimed ("sending") long ago, the cart as it was. */
    async function leftBehindByACrash(attemptId: string, cart: { sku: string; quantity: number }[]) {
      await handle.db
        .update(checkoutAttempts)
        .set({
          state: "sending",
          sends: 1,
          upstreamOrderId: null,
          outcome: null,
          updatedAt: sql`now() - interval '3 minutes'`,
        })
        .where(eq(checkoutAttempts.id, attemptId));
      await handle.db.execute("delete from cart_lines" as never);
      await addToStoredCart(handle.db, owner, cart);
    }

    it("after the order reached the wholesaler: found by its marker, not sent again", async () => {
      const cart = await readCart(handle.db, owner);
      const attempt = input();
      expect((await sendOnce(context(), attempt)).kind).toBe("placed");
      await leftBehindByACrash(attempt.attemptId, cart);

      const resumed = await sendOnce(context(), attempt);
      expect(resumed).toMatchObject({ kind: "placed", attemptId: attempt.attemptId });
      expect(await ordersWithMarker(attempt.attemptId)).toHaveLength(1);
      expect(await readCart(handle.db, owner)).toEqual([]);
    });

    it("before the order reached the wholesaler: sent once, and the cart kept until then", async () => {
      const cart = await readCart(handle.db, owner);
      await control("POST", "faults", { errorRate: 1, paths: "^/orders" });
      const attempt = input();
      expect((await sendOnce(context(), attempt)).kind).not.toBe("placed");
      await control("DELETE", "faults");
      await leftBehindByACrash(attempt.attemptId, cart);
      expect(await readCart(handle.db, owner)).toHaveLength(cart.length);

      const resumed = await sendOnce(context(), attempt);
      expect(resumed.kind).toBe("placed");
      expect(await ordersWithMarker(attempt.attemptId)).toHaveLength(1);
      expect(await readCart(handle.db, owner)).toEqual([]);
    });
  });

  it("going back after the confirmation and sending the form with a new reference: told the cart was ordered as that order, nothing sent again", async () => {
    const attempt = input({ reference: "First reference" });
    const placed = await sendOnce(context(), attempt);
    expect(placed.kind).toBe("placed");
    if (placed.kind !== "placed") return;
    const ordersBefore = ((await control("GET", "orders")) as unknown[]).length;

    const changed = await sendOnce(context(), { ...attempt, reference: "A new reference" });
    expect(changed).toEqual({ kind: "already-ordered", attemptId: attempt.attemptId, orderId: placed.orderId });
    // The same form again (a double submit) is still the same order, confirmed.
    expect(await sendOnce(context(), attempt)).toEqual(placed);
    expect(((await control("GET", "orders")) as unknown[]).length).toBe(ordersBefore);
    expect(await ordersWithMarker(attempt.attemptId)).toHaveLength(1);
  });

  it("a second tab's form, when the first tab's order reached the wholesaler unconfirmed: told the cart was ordered as it, nothing sent", async () => {
    const cart = await readCart(handle.db, owner);
    const first = input({ reference: "First tab" });
    const placed = await sendOnce(context(), first);
    expect(placed.kind).toBe("placed");
    if (placed.kind !== "placed") return;
    // What a lost answer leaves: the order at the wholesaler, the attempt unknown, the cart as it was.
    await handle.db
      .update(checkoutAttempts)
      .set({ state: "unknown", upstreamOrderId: null, outcome: null })
      .where(eq(checkoutAttempts.id, first.attemptId));
    await addToStoredCart(handle.db, owner, cart);
    const ordersBefore = ((await control("GET", "orders")) as unknown[]).length;

    const second = await sendOnce(context(), input({ reference: "Second tab" }));
    expect(second).toEqual({ kind: "already-ordered", attemptId: first.attemptId, orderId: placed.orderId });
    expect(((await control("GET", "orders")) as unknown[]).length).toBe(ordersBefore);
    expect(await readCart(handle.db, owner)).toEqual([]);
  });

  it("an empty cart orders nothing", async () => {
    await handle.db.execute("delete from cart_lines" as never);
    expect(await sendOnce(context(), input())).toEqual({ kind: "empty-cart" });
  });
});
