import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startSimulator, type RunningSimulator } from "@/tests/fixtures/simulator";

import type { Order } from "@/lib/domain/order";

import { UpstreamClient, type UpstreamLogger } from "./client";
import { UpstreamError } from "./errors";

/**
 * Every answer variant of the simulator, read through the gateway into the
 * portal's own types. One simulator with a frozen clock: the same data is read
 * in the default shape and in each variant (switched with /__sim/variants), so
 * that whatever the shape, the portal must see the same orders, products,
 * categories, companies and stock.
 */
let simulator: RunningSimulator;
const CONTROL_KEY = "variants-key";
const warnings: string[] = [];
const logger: UpstreamLogger = { warn: (message) => void warnings.push(message) };
let dealer: UpstreamClient;
let service: UpstreamClient;

function client(token: string | undefined, maxPages?: number): UpstreamClient {
  return new UpstreamClient(
    { baseUrl: simulator.url, token, timeoutMs: 5_000, readAttempts: 1, logger, maxPages },
    "/media",
  );
}

async function control(path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${simulator.url}/__sim/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "x-sim-key": CONTROL_KEY, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

const switchVariants = (...variants: string[]) => control("variants", { variants });

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UpstreamError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/** What the portal sees of everything the variants touch, read in the shape now in force. */
async function readEverything() {
  const orders = await dealer.orders();
  const first = orders[0]!;
  return {
    orders,
    detail: await dealer.order(first.id),
    status: await dealer.orderStatus(first.id),
    skus: await service.productSkus(),
    categories: await service.categories(),
    children: await service.categoryChildren("Electricity"),
    companies: await service.allCompanies(),
    colours: await service.stockColours({ listType: "nested" }),
    flatColours: await service.stockColours({ listType: "flat" }),
    numeric: await service.stockNumeric(),
  };
}
type Everything = Awaited<ReturnType<typeof readEverything>>;

/** Orders without what a variant may legitimately change: the upstream's own word for the status. */
const comparable = (order: Order) => ({ ...order, statusRaw: order.statusRaw.toLowerCase() });

let baseline: Everything;

beforeAll(async () => {
  simulator = await startSimulator({
    port: 0,
    products: 1200,
    seed: "variants",
    timeScale: 0,
    controlKey: CONTROL_KEY,
  });
  const bootstrap = client(undefined);
  dealer = client((await bootstrap.issueToken("dealer@acme.example", "demo1234")).token);
  service = client(simulator.sim.options.serviceToken);
  baseline = await readEverything();
}, 60_000);

afterAll(async () => {
  await simulator?.close();
});

beforeEach(async () => {
  warnings.length = 0;
  await switchVariants();
});

describe("the default shape", () => {
  it("reads every list whole, with nothing left out", () => {
    expect(baseline.orders.length).toBeGreaterThan(20);
    expect(baseline.orders.skipped).toBe(0);
    expect(baseline.skus.length).toBe(1200);
    expect(baseline.skus.skipped).toBe(0);
    expect(baseline.companies.length).toBe(46);
    expect(baseline.categories.length).toBe(16);
    expect(baseline.colours.size).toBe(1200);
    expect(baseline.orders[0]!.id).toMatch(/^\d+$/);
    expect(warnings).toEqual([]);
  });
});

describe("each variant maps to the same portal data", () => {
  it.each([
    ["status-capitalised", "Processing"],
    ["status-lower", "processing"],
    ["status-upper", "PROCESSING"],
  ])("%s: statuses in any casing are the same statuses", async (variant, processing) => {
    await switchVariants(variant);
    const now = await readEverything();
    expect(now.orders.map(comparable)).toEqual(baseline.orders.map(comparable));
    expect(now.orders.map((o) => o.status)).toEqual(baseline.orders.map((o) => o.status));
    expect(now.orders.find((o) => o.status === "processing")?.statusRaw).toBe(processing);
    expect(now.status.status).toBe(baseline.status.status);
    expect(comparable(now.detail)).toEqual(comparable(baseline.detail));
  });

  it.each(["dates-offset", "dates-abbreviation", "dates-utc"])(
    "%s: PHP dates of another timezone type are the same instants",
    async (variant) => {
      await switchVariants(variant);
      const now = await readEverything();
      expect(laterOfRepeatedHour(now.orders)).toEqual(laterOfRepeatedHour(baseline.orders));
      expect(laterOfRepeatedHour(now.detail)).toEqual(laterOfRepeatedHour(baseline.detail));
      expect(laterOfRepeatedHour(now.skus)).toEqual(laterOfRepeatedHour(baseline.skus));
      expect(now.orders.some((o) => o.shipments.length > 0)).toBe(true);
    },
  );

  it("numbers-as-strings: numbers sent as text are the same numbers", async () => {
    await switchVariants("numbers-as-strings");
    const now = await readEverything();
    expect(now).toEqual(baseline);
    expect(now.orders.skipped).toBe(0);
    expect(await service.product(baseline.skus[0]!.sku)).toEqual(await readProductIn([], baseline.skus[0]!.sku));
  });

  it("paged: the order and SKU lists come in pages and are read whole", async () => {
    await switchVariants("paged");
    const now = await readEverything();
    expect(now).toEqual(baseline);
    expect(now.orders.complete).toBe(true);
    expect(now.skus.complete).toBe(true);
  });

  it("paged: a bound on pages stops the read and says the list is incomplete", async () => {
    await switchVariants("paged");
    const skus = await client(simulator.sim.options.serviceToken, 2).productSkus();
    expect(skus.length).toBe(1000);
    expect(skus.complete).toBe(false);
    expect(warnings.some((line) => line.includes("productSkus") && line.includes("stopped after 2 pages"))).toBe(true);
  });

  it("json-as-html: JSON labelled text/html is read as JSON", async () => {
    await switchVariants("json-as-html");
    expect(await readEverything()).toEqual(baseline);
  });

  it("all shape variants at once", async () => {
    await switchVariants("paged", "numbers-as-strings", "dates-abbreviation", "status-upper", "json-as-html");
    const now = await readEverything();
    expect(laterOfRepeatedHour(now.skus)).toEqual(laterOfRepeatedHour(baseline.skus));
    expect(laterOfRepeatedHour(now.orders.map(comparable))).toEqual(
      laterOfRepeatedHour(baseline.orders.map(comparable)),
    );
  });
});

const AMSTERDAM = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam",
  dateStyle: "short",
  timeStyle: "medium",
});

/**
 * The reference's usual date (timezone type 3: wall-clock time and "Europe/Amsterdam") cannot tell
 * the two occurrences of the hour repeated when summer time ends apart (02:00–03:00 on the last
 * Sunday of October happens twice); the other types can. Such an instant is compared as the later
 * occurrence on both sides; every other instant must be equal as it is. Lists become plain arrays.
 */
function laterOfRepeatedHour<T>(value: T): unknown {
  if (value instanceof Date) {
    const time = value.getTime();
    const wall = AMSTERDAM.format(value);
    if (wall === AMSTERDAM.format(new Date(time + 3_600_000))) return new Date(time + 3_600_000);
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => laterOfRepeatedHour(item));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, laterOfRepeatedHour(item)]));
  }
  return value;
}

async function readProductIn(variants: string[], sku: string) {
  await switchVariants(...variants);
  return service.product(sku);
}

describe("string order ids", () => {
  it("lists, opens and follows orders by ids such as ORD100000", async () => {
    await switchVariants("string-ids");
    const orders = await dealer.orders();
    expect(orders.length).toBe(baseline.orders.length);
    expect(orders.skipped).toBe(0);
    for (const [index, order] of orders.entries()) {
      const before = baseline.orders[index]!;
      expect(order.id).toBe(`ORD${before.id}`);
      expect({ ...order, id: before.id }).toEqual(before);
    }
    const detail = await dealer.order(orders[0]!.id);
    expect(detail.id).toBe(orders[0]!.id);
    expect((await dealer.orderStatus(orders[0]!.id)).status).toBe(baseline.status.status);
    // Such an upstream knows its orders by the string only.
    expect((await failure(dealer.order(baseline.orders[0]!.id))).kind).toBe("not_found");
  });

  it("creates an order whose id is a string, and finds it in the list by that id", async () => {
    await switchVariants("string-ids", "status-capitalised");
    let orderable = await service.product(baseline.skus[0]!.sku);
    for (const entry of baseline.skus) {
      orderable = await service.product(entry.sku);
      if (!orderable.blocked && orderable.prices.length > 0 && !orderable.prices[0]!.priceOnDemand) break;
    }
    const created = await dealer.createOrder({
      reference: "variant string id",
      products: [{ sku: orderable.sku, amount: orderable.salesUnitAmount }],
    });
    expect(created.id).toMatch(/^ORD\d+$/);
    expect(created.status).toBe("pending");
    const listed = (await dealer.orders()).find((order) => order.id === created.id);
    expect(listed?.reference).toBe("variant string id");
    expect((await dealer.order(created.id)).lines[0]?.sku).toBe(orderable.sku);
    expect((await dealer.orderStatus(created.id)).statusRaw).toBe("Pending");
  });
});

describe("one bad record never hides the others", () => {
  it("bad-record: each list loses exactly its one unreadable record, logged once by id and field", async () => {
    // Read afresh: an earlier test placed an order.
    const whole = await readEverything();
    await switchVariants("bad-record");
    const now = await readEverything();
    const lists = [
      ["orders", now.orders, whole.orders.length],
      ["productSkus", now.skus, whole.skus.length],
      ["categories", now.categories, whole.categories.length],
      ["categoryChildren", now.children, whole.children.length],
    ] as const;
    for (const [, list, before] of lists) {
      expect(list.length).toBe(before - 1);
      expect(list.skipped).toBe(1);
    }
    // Companies come in pages of 100 here (one page), so one is left out.
    expect(now.companies.length).toBe(whole.companies.length - 1);
    expect(now.companies.skipped).toBe(1);
    for (const stock of [now.colours, now.flatColours, now.numeric]) {
      expect(stock.size).toBe(whole.colours.size - 1);
      expect(stock.skipped).toBe(1);
    }
    const missing = whole.orders.find((order) => !now.orders.some((o) => o.id === order.id))!;
    expect(now.orders.skippedIds).toEqual([String(missing.id)]);
    const orderLines = warnings.filter((line) => line.startsWith("upstream orders:"));
    expect(orderLines).toHaveLength(1);
    expect(orderLines[0]).toContain(`left out 1 record it could not read: id ${missing.id} at status:`);
    // Never personal data: no names, emails or street names of the left-out order.
    for (const line of warnings) {
      expect(line).not.toContain(missing.creatorName ?? "no name");
      expect(line).not.toContain(missing.shippingAddress?.street ?? "no street");
      expect(line).not.toContain("@");
    }
  });

  it("bad-record with paged lists: one left out across all pages", async () => {
    const whole = await dealer.orders();
    await switchVariants("bad-record", "paged");
    const orders = await dealer.orders();
    // One record in the middle of each page is unreadable.
    const pages = Math.ceil(whole.length / 15);
    expect(pages).toBeGreaterThan(1);
    expect(orders.length).toBe(whole.length - pages);
    expect(orders.skipped).toBe(pages);
    expect(warnings.filter((line) => line.startsWith("upstream orders:"))).toHaveLength(1);
  });
});

describe("error bodies as HTML", () => {
  it("html-errors: each error is still the right kind, with the page's words where it has some", async () => {
    await switchVariants("html-errors");
    const notFound = await failure(dealer.order("999999999"));
    expect(notFound.kind).toBe("not_found");
    expect(notFound.upstreamMessage).toBe("Not Found");
    const forbidden = await failure(dealer.companies());
    expect(forbidden.kind).toBe("forbidden");
    expect(forbidden.upstreamMessage).toBe("Forbidden");
    const unauthorized = await failure(client("not-a-token").me());
    expect(unauthorized.kind).toBe("unauthorized");
    const invalid = await failure(dealer.createOrder({ reference: "x".repeat(60), products: [] }));
    expect(invalid.kind).toBe("validation");
    expect(invalid.fieldErrors).toEqual({});
    expect(invalid.message).not.toContain("<");
  });
});
