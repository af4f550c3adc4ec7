/** Creating orders (validation rules one by one, pricing, drop-ship) and their life over simulated time. */
import { beforeAll, describe, expect, it } from "vitest";
import { endsInM3Error, type OrderJson } from "../dataset/orders.js";
import { expectContract } from "./contract.js";
import { findProducts, type TestSim, testSim } from "./helpers.js";

let t: TestSim;
let dealer: string;
let plain: string; // orderable, sold per piece, drop-shippable
let boxed: string; // sold in boxes of 10
let blocked: string;
let noDropship: string;

beforeAll(async () => {
  t = testSim();
  dealer = await t.token("dealer");
  [plain] = findProducts(t.sim, (p) => !p.blocked && p.sales_unit_amount === 1 && p.dropshipment.dropshipable) as [
    string,
  ];
  [boxed] = findProducts(t.sim, (p) => !p.blocked && p.sales_unit_amount === 10) as [string];
  [blocked] = findProducts(t.sim, (p) => p.blocked) as [string];
  [noDropship] = findProducts(
    t.sim,
    (p) => !p.blocked && !p.dropshipment.dropshipable && p.sales_unit_amount === 1,
  ) as [string];
});

const create = (json: unknown, token = dealer) => t.call("POST", "/orders", { token, json });
const errorsOf = async (response: Response) => {
  expect(response.status).toBe(422);
  return ((await response.json()) as { message: string; errors: Record<string, string[]> }).errors;
};
const dropshipTo = {
  first_name: "Jane",
  last_name: "Doe",
  company: "Doe Campers",
  vatNumber: "NL999999999B01",
  phone: "+31 6 1234 5678",
  address: {
    street: "Elm Street",
    houseNumber: "456",
    houseNumberExtension: "B",
    city: "Rotterdam",
    postcode: "5678CD",
    country: "NL",
    note: "Leave at the front door",
  },
};

describe("order validation (422, keyed like Laravel)", () => {
  it("reference over 50 characters", async () => {
    expect(
      (await errorsOf(await create({ reference: "x".repeat(51), products: [{ sku: plain, amount: 1 }] }))).reference,
    ).toEqual(["The reference field must not be greater than 50 characters."]);
    expect((await create({ reference: "x".repeat(50), products: [{ sku: plain, amount: 1 }] })).status).toBe(201);
  });

  it("no products", async () => {
    expect((await errorsOf(await create({ reference: "empty" }))).products).toEqual([
      "The products field is required.",
    ]);
    expect((await errorsOf(await create({ products: [] }))).products).toEqual(["The products field is required."]);
  });

  it("unknown SKU", async () => {
    expect(
      (
        await errorsOf(
          await create({
            products: [
              { sku: plain, amount: 1 },
              { sku: "NOPE-1", amount: 1 },
            ],
          }),
        )
      )["products.1.sku"],
    ).toEqual(["The selected products.1.sku is invalid."]);
  });

  it("blocked SKU", async () => {
    expect((await errorsOf(await create({ products: [{ sku: blocked, amount: 1 }] })))["products.0.sku"]).toEqual([
      `The product ${blocked} is blocked and cannot be ordered.`,
    ]);
  });

  it("amount below 1", async () => {
    expect((await errorsOf(await create({ products: [{ sku: plain, amount: 0 }] })))["products.0.amount"]).toEqual([
      "The products.0.amount field must be at least 1.",
    ]);
    expect((await errorsOf(await create({ products: [{ sku: plain, amount: -3 }] })))["products.0.amount"]).toEqual([
      "The products.0.amount field must be at least 1.",
    ]);
  });

  it("amount not a multiple of sales_unit_amount", async () => {
    expect((await errorsOf(await create({ products: [{ sku: boxed, amount: 15 }] })))["products.0.amount"]).toEqual([
      "The products.0.amount field must be a multiple of 10.",
    ]);
    expect((await create({ products: [{ sku: boxed, amount: 20 }] })).status).toBe(201);
  });

  it("drop-ship order with a product that is not drop-shippable", async () => {
    expect(
      (await errorsOf(await create({ shipping: dropshipTo, products: [{ sku: noDropship, amount: 1 }] })))[
        "products.0.sku"
      ],
    ).toEqual([`The product ${noDropship} cannot be drop-shipped.`]);
    expect((await create({ products: [{ sku: noDropship, amount: 1 }] })).status).toBe(201);
  });

  it("missing drop-ship address fields", async () => {
    const errors = await errorsOf(await create({ shipping: { address: {} }, products: [{ sku: plain, amount: 1 }] }));
    for (const field of [
      "first_name",
      "last_name",
      "address.street",
      "address.houseNumber",
      "address.postcode",
      "address.city",
      "address.country",
    ]) {
      expect(errors[`shipping.${field}`], field).toEqual([`The shipping.${field} field is required.`]);
    }
  });

  it("wrong types", async () => {
    const errors = await errorsOf(
      await create({
        reference: 5,
        test: "maybe",
        shipping: "tomorrow",
        products: [{ sku: plain, amount: "two", price: "cheap" }, "x"],
      }),
    );
    expect(errors).toMatchObject({
      reference: ["The reference field must be a string."],
      test: ["The test field must be true or false."],
      shipping: ["The shipping field must be an array."],
      "products.0.amount": ["The products.0.amount field must be an integer."],
      "products.0.price": ["The products.0.price field must be a number."],
      "products.1": ["The products.1 field must be an array."],
    });
    expect((await errorsOf(await create({ products: "all of them" }))).products).toEqual([
      "The products field must be an array.",
    ]);
  });

  it("summarises several errors in the message, as Laravel does", async () => {
    const response = await create({ reference: "y".repeat(60) });
    expect(((await response.json()) as { message: string }).message).toBe(
      "The reference field must not be greater than 50 characters. (and 1 more error)",
    );
  });

  it("malformed JSON is a 400, not a crash", async () => {
    const response = await t.call("POST", "/orders", {
      token: dealer,
      body: '{"products": [',
      headers: { "Content-Type": "application/json" },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: "The request body is not valid JSON." });
  });
});

describe("creating an order", () => {
  it("answers 201 with the id as a string, which GET /orders/{order} accepts", async () => {
    const response = await create({
      reference: "PO-1",
      notes: "Bel even",
      products: [{ sku: plain, amount: 2, price: 1, vatrate: 21 }],
    });
    expect(response.status).toBe(201);
    const { data } = (await expectContract(response, "POST", "/orders")) as {
      data: { id: string; status: string; created_at: { timezone: string } };
    };
    expect(data.id).toMatch(/^\d+$/);
    expect(data.status).toBe("pending");
    expect(data.created_at.timezone).toBe("UTC");
    const detail = await t.call("GET", `/orders/${data.id}`, { token: dealer });
    const order = (await detail.json()) as OrderJson;
    expect(order.id).toBe(Number(data.id));
    expect(order.creator_name).toBe("Daan de Vries");
    expect(order.reference).toBe("PO-1");
    expect(order.notes).toBe("Bel even");
    const list = (await (await t.call("GET", "/orders", { token: dealer })).json()) as OrderJson[];
    expect(list[0]?.id).toBe(Number(data.id));
  });

  it("prices lines itself: list tier at the amount, the customer's discount group, VAT rate", async () => {
    const [tiered] = findProducts(
      t.sim,
      (p) => !p.blocked && p.sales_unit_amount === 1 && p.prices.length === 3 && !p.prices[0]?.priceOnDemand,
    ) as [string];
    const product = t.sim.state.catalogue.product(t.sim.state.catalogue.indexOfSku(tiered) as number);
    const response = await create({ products: [{ sku: tiered, amount: 12, price: 0.01 }] });
    const { data } = (await response.json()) as { data: { id: string } };
    const order = (await (await t.call("GET", `/orders/${data.id}`, { token: dealer })).json()) as OrderJson;
    const line = order.products[0];
    expect(line?.price).toBe(product.prices.find((tier) => tier.minqty === 10)?.exvat);
    expect(line?.customer_price).toBeCloseTo((line?.price ?? 0) * 0.8, 2); // Acme is in the 20 % group
    const expectedSold = line?.discount ? (line.customer_price * (100 - line.discount)) / 100 : line?.customer_price;
    expect(line?.sold_price).toBeCloseTo(expectedSold ?? 0, 2);
    expect([21, 9]).toContain(line?.tax);
    expect(line).toMatchObject({
      product_sku: tiered,
      quantity: 12,
      barcode: product.barcode.value,
      reference: product.vendor_item_no,
    });
  });

  it("without shipping delivers to the customer's own address", async () => {
    const { data } = (await (await create({ products: [{ sku: plain, amount: 1 }] })).json()) as {
      data: { id: string };
    };
    const order = (await (await t.call("GET", `/orders/${data.id}`, { token: dealer })).json()) as OrderJson;
    expect(order.dropship).toBe(false);
    expect(order.BillingAddress).toBeNull();
    expect(order.shippingAddress).toMatchObject({
      address_one_street: "Main Street",
      address_one_number: "123",
      city: "Amsterdam",
      zipcode: "1234AB",
    });
  });

  it("with shipping is a drop-ship order to that address", async () => {
    const { data } = (await (await create({ shipping: dropshipTo, products: [{ sku: plain, amount: 1 }] })).json()) as {
      data: { id: string };
    };
    const order = (await (await t.call("GET", `/orders/${data.id}`, { token: dealer })).json()) as OrderJson;
    expect(order.dropship).toBe(true);
    expect(order.shippingAddress).toMatchObject({
      first_name: "Jane",
      last_name: "Doe",
      address_one_street: "Elm Street",
      address_one_number: "456",
      address_one_additional: "B",
      address_two_street: null,
      zipcode: "5678CD",
      phone_number: "+31 6 1234 5678",
      delivery_note: "Leave at the front door",
    });
    expect(order.BillingAddress?.address_one_street).toBe("Main Street");
    expect(order.vat).toBe("NL999999999B01");
  });

  it("accepts test orders and marks them", async () => {
    const { data } = (await (await create({ test: true, products: [{ sku: plain, amount: 1 }] })).json()) as {
      data: { id: string };
    };
    const all = await t.control<
      Array<{ id: number; test: boolean; customer_code: string; creator_email: string | null }>
    >("GET", "orders");
    expect(all.find((order) => order.id === Number(data.id))).toMatchObject({
      test: true,
      customer_code: "EA00001",
      creator_email: "dealer@acme.example",
    });
  });
});

describe("order history", () => {
  it("covers every status for the demo dealer, with 1-12 lines and couriers' tracker codes", async () => {
    const fresh = testSim();
    const token = await fresh.token("dealer");
    const list = (await (await fresh.call("GET", "/orders", { token })).json()) as OrderJson[];
    expect(new Set(list.map((order) => order.status))).toEqual(
      new Set(["pending", "processing", "in-m3", "m3-error", "shipped", "canceled", "complete", "error"]),
    );
    for (const order of list) expect(order.products.length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...list.map((order) => order.products.length))).toBeLessThanOrEqual(12);
    const all = await fresh.control<OrderJson[]>("GET", "orders");
    const shipments = all.flatMap((order) => order.shipments);
    expect(new Set(shipments.map((s) => s.courier))).toEqual(new Set(["DHL", "PostNL", "DPD", "GLS", "UPS"]));
    const formats: Record<string, RegExp> = {
      DHL: /^(JVGL\d{16,20}|JD01\d{16,19})$/,
      PostNL: /^3S[A-Z]{4}\d{7,9}$/,
      DPD: /^\d{14}$/,
      GLS: /^\d{11,12}$/,
      UPS: /^1Z[0-9A-Z]{16}$/,
    };
    for (const s of shipments) expect(s.tracker_code, s.courier).toMatch(formats[s.courier] as RegExp);
    const companies = new Set(all.map((order) => order.customer.code));
    expect(companies.size).toBe(fresh.sim.state.companies.size);
  });

  it("filters by status[] and rejects statuses outside the enum", async () => {
    const shipped = (await (
      await t.call("GET", "/orders?status[]=shipped&status[]=complete", { token: dealer })
    ).json()) as OrderJson[];
    expect(shipped.length).toBeGreaterThan(0);
    expect(shipped.every((order) => order.status === "shipped" || order.status === "complete")).toBe(true);
    const invalid = await t.call("GET", "/orders?status[]=complete&status[]=lost", { token: dealer });
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { errors: Record<string, string[]> }).errors["status.1"]).toEqual([
      "The selected status.1 is invalid.",
    ]);
  });
});

describe("order lifecycle over simulated time", () => {
  it("moves pending -> processing -> in-m3 -> shipped (with shipments) -> complete, each step updating updated_at", async () => {
    const life = testSim();
    const token = await life.token("dealer");
    const orderLines = findProducts(life.sim, (p) => !p.blocked && p.sales_unit_amount === 1, 6).map((sku) => ({
      sku,
      amount: 1,
    }));
    let { data } = (await (await life.call("POST", "/orders", { token, json: { products: orderLines } })).json()) as {
      data: { id: string };
    };
    if (endsInM3Error(Number(data.id)))
      ({ data } = (await (await life.call("POST", "/orders", { token, json: { products: orderLines } })).json()) as {
        data: { id: string };
      });
    const seen: Array<{ status: string; updated: string; shipments: number }> = [];
    for (const minutes of [0, 4, 6, 20, 75]) {
      if (minutes > 0) await life.control("POST", "clock/advance", { minutes });
      const order = (await (await life.call("GET", `/orders/${data.id}`, { token })).json()) as OrderJson;
      seen.push({ status: order.status, updated: order.updated_at.date, shipments: order.shipments.length });
    }
    expect(seen.map((s) => s.status)).toEqual(["pending", "processing", "in-m3", "shipped", "complete"]);
    expect(new Set(seen.map((s) => s.updated)).size).toBe(5);
    expect(seen[2]?.shipments).toBe(0);
    expect(seen[3]?.shipments).toBeGreaterThanOrEqual(2); // six lines: at least two parcels
    expect(seen[4]?.shipments).toBe(seen[3]?.shipments);
  });

  it("one in twenty created orders (id % 20 == 19) ends in m3-error and stays there", async () => {
    const life = testSim();
    const token = await life.token("dealer");
    const [sku] = findProducts(life.sim, (p) => !p.blocked && p.sales_unit_amount === 1);
    let id = 0;
    while (!endsInM3Error(id)) {
      const { data } = (await (
        await life.call("POST", "/orders", { token, json: { products: [{ sku, amount: 1 }] } })
      ).json()) as { data: { id: string } };
      id = Number(data.id);
    }
    await life.control("POST", "clock/advance", { minutes: 60 * 24 });
    expect(await (await life.call("GET", `/orders/${id}/status`, { token })).text()).toBe("M3-error");
  });

  it("at the default time scale a fresh order moves within seconds of real time", async () => {
    let real = Date.UTC(2025, 5, 1, 10);
    const life = testSim({ timeScale: 60, now: () => real });
    const token = await life.token("dealer");
    const [sku] = findProducts(life.sim, (p) => !p.blocked && p.sales_unit_amount === 1);
    const { data } = (await (
      await life.call("POST", "/orders", { token, json: { products: [{ sku, amount: 1 }] } })
    ).json()) as { data: { id: string } };
    const status = async () => (await life.call("GET", `/orders/${data.id}/status`, { token })).text();
    expect(await status()).toBe("Pending");
    real += 5_000; // five simulated minutes
    expect(await status()).toBe("Processing");
    real += 115_000; // two real minutes in all
    expect(["Complete", "M3-error"]).toContain(await status());
  });

  it("the status endpoint answers capitalised text by default and ISO 8601 with output=json", async () => {
    const { data } = (await (await create({ products: [{ sku: plain, amount: 1 }] })).json()) as {
      data: { id: string };
    };
    const text = await t.call("GET", `/orders/${data.id}/status`, { token: dealer });
    expect(text.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await text.text()).toBe("Pending");
    const json = (await (await t.call("GET", `/orders/${data.id}/status?output=json`, { token: dealer })).json()) as {
      status: string;
      updated_at: string;
    };
    expect(json.status).toBe("Pending");
    expect(json.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect((await t.call("GET", `/orders/${data.id}/status?output=xml`, { token: dealer })).status).toBe(422);
  });
});
